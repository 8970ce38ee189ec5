import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { AttentionGroup, AttentionOverview } from '../../../contract/attention';
import { renderApp } from '../../../test/render-app';

const overview = (query: Record<string, string> = {}): Promise<AttentionOverview> => request(api.getAttention, { query });
const n = (value: number) => value.toLocaleString('en-US');

/** The card of a group, by the group it shows. */
function card(group: AttentionGroup): HTMLElement {
  const found = screen.getAllByRole('article').find((a) => a.dataset.group === `${group.key.code}:${group.key.inboxId ?? ''}`);
  if (!found) throw new Error(`no card for ${group.key.code}`);
  return found;
}

describe('Needs attention', () => {
  it('shows every group, biggest first, with the flag\'s words and the remedy that fixes it', async () => {
    await renderApp({ url: '/attention', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Needs attention' })).toBeInTheDocument();
    const data = await overview();
    expect(screen.getByRole('heading', { level: 2, name: `${n(data.total)} enrollments need attention` })).toBeInTheDocument();
    // The groups' cards (the send forecast below them has articles of its own).
    const cards = screen.getAllByRole('article').filter((a) => a.dataset.group !== undefined);
    expect(cards).toHaveLength(data.groups.length);
    // Biggest first, as the server ordered them.
    expect(cards.map((c) => c.dataset.group)).toEqual(data.groups.map((g) => `${g.key.code}:${g.key.inboxId ?? ''}`));

    for (const group of data.groups) {
      const el = card(group);
      expect(within(el).getByText(group.count === 1 ? '1 enrollment' : `${n(group.count)} enrollments`)).toBeInTheDocument();
      const code = group.key.code;
      if (code === 'SEND_LIMIT_REACHED') {
        expect(within(el).getByText(/on the day it was due, the inbox's daily sending limit was already used up/)).toBeInTheDocument();
        expect(within(el).getByRole('button', { name: `Re-enroll ${n(group.fixable)} at next step` })).toBeInTheDocument();
      } else if (code === 'SEND_FAILURE' || code === 'GMAIL_SEND_ERROR') {
        expect(within(el).getByText('Check first:')).toBeInTheDocument();
        expect(within(el).getByRole('button', { name: `Re-enroll ${n(group.fixable)} at this step` })).toBeInTheDocument();
      } else if (code === 'INBOX_DISCONNECTED') {
        expect(within(el).getByRole('link', { name: 'Reconnect the inbox' })).toHaveAttribute('href', '/settings/inboxes');
        expect(within(el).queryByRole('button')).not.toBeInTheDocument();
      } else {
        expect(within(el).getByRole('heading', { level: 3 })).toHaveTextContent(code);
        expect(within(el).getByRole('button', { name: `Unenroll ${n(group.count)}` })).toBeInTheDocument();
      }
      if (code === 'ALREADY_ENROLLED') {
        const related = within(el).getByRole('heading', { name: 'Where these contacts are enrolled' }).parentElement!;
        expect(within(related).getAllByRole('link')).toHaveLength(group.relatedSequences.length);
      }
      // Each sequence links to its summary, filtered to this error.
      const first = group.sequences[0]!;
      expect(within(el).getByRole('link', { name: `${first.name} (${n(first.count)})` })).toHaveAttribute(
        'href',
        `/sequences/${first.id}?error=${code}`,
      );
    }
    // The navigation counts them too.
    const navLink = screen.getByRole('link', { name: /^Needs attention/ });
    expect(navLink).toHaveAccessibleName(`Needs attention ${n(data.total)} to fix`);
  });

  it('unenrolls a group after confirming its exact number, says what it did, and undoes it', async () => {
    const { user } = await renderApp({ url: '/attention', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Needs attention' });
    const bounced = (await overview()).groups.find((g) => g.key.code === 'BOUNCED')!;
    await user.click(within(card(bounced)).getByRole('button', { name: `Unenroll ${n(bounced.count)}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${n(bounced.count)} contacts?` });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    const outcome = await screen.findByRole('status', { name: 'Done' });
    expect(outcome).toHaveTextContent(`${n(bounced.count)} contacts with BOUNCED unenrolled.`);
    await waitFor(() => expect(outcome).toHaveFocus());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    await screen.findByRole('heading', { level: 2, name: /need attention/ });
    expect((await overview()).groups.some((g) => g.key.code === 'BOUNCED')).toBe(false);
    await expect.poll(() => screen.getAllByRole('article').some((a) => a.dataset.group === 'BOUNCED:')).toBe(false);

    await user.click(within(outcome).getByRole('button', { name: 'Undo' }));
    const undone = await screen.findByRole('status', { name: 'Undone' });
    expect(undone).toHaveTextContent(`${n(bounced.count)} contacts restored.`);
    await waitFor(() => expect(undone).toHaveFocus());
    await expect.poll(() => screen.getAllByRole('article').some((a) => a.dataset.group === 'BOUNCED:')).toBe(true);
  });

  it('re-enrolls at the next step and says what it skipped and when the steps are due', async () => {
    const { user } = await renderApp({ url: '/attention', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Needs attention' });
    const limit = (await overview()).groups.find((g) => g.key.code === 'SEND_LIMIT_REACHED')!;
    await user.click(within(card(limit)).getByRole('button', { name: `Re-enroll ${n(limit.fixable)} at next step` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Re-enroll ${n(limit.fixable)} contacts at the next step?` });
    await user.click(within(dialog).getByRole('button', { name: 'Re-enroll' }));
    const outcome = await screen.findByRole('status', { name: 'Done' });
    expect(outcome).toHaveTextContent(`${n(limit.fixable)} contacts re-enrolled at the next step.`);
    expect(outcome).toHaveTextContent(/within each inbox's daily limit/);
    const skipped = limit.count - limit.fixable;
    if (skipped > 0) expect(outcome).toHaveTextContent(`${n(skipped)} skipped: ${n(skipped)} at the last step.`);
  });

  it('refuses a group that changed since it was shown, and shows the new number', async () => {
    const { user } = await renderApp({ url: '/attention', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Needs attention' });
    const group = (await overview()).groups.find((g) => g.key.code === 'UNSUBSCRIBED')!;
    await user.click(within(card(group)).getByRole('button', { name: `Unenroll ${n(group.count)}` }));
    const dialog = await screen.findByRole('alertdialog');
    // Meanwhile, one sequence's share is cleaned up elsewhere.
    const share = group.sequences[0]!;
    await request(api.attentionUnenroll, {
      body: { group: group.key, filter: { sequenceId: share.id }, expectedTotal: share.count },
      idempotencyKey: crypto.randomUUID(),
    });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This group changed since the page loaded.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const left = group.count - share.count;
    if (left > 0) expect(await within(card(group)).findByRole('button', { name: `Unenroll ${n(left)}` })).toBeInTheDocument();
  });

  it('filters by sequence in the URL, and says when nothing is left to fix there', async () => {
    const { user, router } = await renderApp({ url: '/attention', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Needs attention' });
    const all = await overview();
    const seq = all.filters.sequences[0]!;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sequence' }), seq.id);
    await expect.poll(() => router.state.location.search).toBe(`?sequenceId=${seq.id}`);
    expect(await screen.findByRole('heading', { level: 2, name: `${n(seq.count)} enrollments need attention` })).toBeInTheDocument();

    const sequences = await request(api.listSequences, { query: {} });
    const clean = sequences.items.find((s) => !all.filters.sequences.some((f) => f.id === s.id));
    if (clean) {
      await router.navigate(`/attention?sequenceId=${clean.id}`);
      expect(await screen.findByRole('heading', { name: 'Nothing needs attention here' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Clear filters' }));
      await expect.poll(() => router.state.location.search).toBe('');
    }
  });

  it('lets a marketer read the groups but offers no remedy', async () => {
    await renderApp({ url: '/attention', user: 'marketer' });
    await screen.findByRole('heading', { level: 2, name: /need attention/ });
    expect(screen.queryByRole('button', { name: /^(Unenroll|Re-enroll)/ })).not.toBeInTheDocument();
  });

  it('shows a failure with a retry that loads the groups', async () => {
    const { api: mock, user, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    mock.faults.failEndpoint('getAttention', 500);
    // A filter the navigation's count has not loaded already.
    await router.navigate('/attention?inboxId=1');
    expect(await screen.findByRole('heading', { name: "We couldn't load what needs attention." })).toBeInTheDocument();
    mock.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: /need attention/ })).toBeInTheDocument();
  });
});
