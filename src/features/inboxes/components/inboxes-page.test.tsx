import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { InboxList } from '../../../contract/contacts';
import { renderApp } from '../../../test/render-app';

async function inboxesFromApi(): Promise<InboxList> {
  return request(endpoints.listInboxes);
}

// docs/domain.md §6: 350 a day for a free Gmail inbox, 1,000 for the others; sequences stop at 90%.
const LIMITS = { gmail: ['350', '315'], google_workspace: ['1,000', '900'] } as const;

describe('sending inboxes page', () => {
  it("lists the rep's inboxes with provider, limits and state, and says how to reconnect", async () => {
    await renderApp({ url: '/settings/inboxes', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sending inboxes' })).toBeInTheDocument();
    const { items } = await inboxesFromApi();
    const byProvider = Object.fromEntries(items.map((inbox) => [inbox.provider, inbox]));
    expect(Object.keys(byProvider).sort()).toEqual(['gmail', 'google_workspace']);

    const table = await screen.findByRole('table', { name: 'Your sending inboxes' });
    for (const [provider, [daily, pauseAt]] of Object.entries(LIMITS)) {
      const inbox = byProvider[provider]!;
      const row = within(table).getByRole('rowheader', { name: inbox.address }).closest('tr')!;
      const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
      expect(cells).toEqual([
        provider === 'gmail' ? 'Gmail' : 'Google Workspace',
        daily,
        pauseAt,
        inbox.connected ? 'Connected' : 'Disconnected',
      ]);
    }
    // The seeded Google Workspace inbox is the disconnected one: the page says so and what to do.
    expect(byProvider.google_workspace!.connected).toBe(false);
    const notice = screen.getByRole('region', { name: '1 inbox is disconnected' });
    expect(within(notice).getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows no reconnect notice when every inbox is connected', async () => {
    await renderApp({ url: '/settings/inboxes', user: 'manager' });
    const table = await screen.findByRole('table', { name: 'Your sending inboxes' });
    const { items } = await inboxesFromApi();
    expect(items.every((inbox) => inbox.connected)).toBe(true);
    expect(within(table).getAllByRole('row')).toHaveLength(items.length + 1);
    expect(screen.queryByRole('region', { name: /disconnected/ })).not.toBeInTheDocument();
  });

  it('says so when the user has no inbox', async () => {
    await renderApp({ url: '/settings/inboxes', user: 'marketer' });
    expect(await screen.findByRole('heading', { name: 'You have no sending inboxes' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a failure with a retry that loads the inboxes', async () => {
    const { api, user, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('listInboxes', 500);
    await router.navigate('/settings/inboxes');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load your inboxes.");
    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Your sending inboxes' })).toBeInTheDocument();
  });
});
