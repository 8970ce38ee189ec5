import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { StepType } from '../../../contract/sequences';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = '1';

const scheduledTable = () => screen.findByRole('table', { name: 'Scheduled steps, soonest first' });

async function fromApi(id = SEQUENCE, type?: StepType) {
  return request(endpoints.listScheduled, { params: { id }, query: { limit: 50, type } });
}

const when = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

describe('Scheduled tab', () => {
  it('lists the upcoming steps soonest first: contact, step, send time, inbox', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'manager' });
    const page = await fromApi();
    expect(page.items.length).toBeGreaterThan(1);

    const table = await scheduledTable();
    await waitFor(() => expect(screen.getByText(/scheduled steps$/, { selector: '[role="status"]' })).toHaveTextContent(
      `${new Intl.NumberFormat('en').format(page.total)} scheduled steps`,
    ));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(page.items.length);
    expect(rows.map((r) => within(r).getByRole('rowheader').querySelector('a')?.textContent)).toEqual(
      page.items.map((s) => s.contact.name),
    );
    const first = page.items[0]!;
    const row = rows[0]!;
    expect(within(row).getByRole('link', { name: first.contact.name })).toHaveAttribute('href', `/contacts/${first.contact.id}`);
    expect(row).toHaveTextContent(`Step ${first.step.position} of ${first.totalSteps}`);
    expect(row).toHaveTextContent(when(first.sendAt));
    if (first.inbox) expect(row).toHaveTextContent(first.inbox.address);
    const times = page.items.map((s) => Date.parse(s.sendAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // More than one page: Load more appends the next.
    expect(page.nextCursor).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(page.items.length + 1));
  });

  it('says when the next page fails, keeps the rows it has, and loads it on Try again', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'manager' });
    const table = await scheduledTable();
    const loaded = within(table).getAllByRole('row').length;
    api.faults.failEndpoint('listScheduled', 500);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("We couldn't load more scheduled steps.");
    expect(within(table).getAllByRole('row')).toHaveLength(loaded);

    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(loaded));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('filters by step type, and says when nothing matches', async () => {
    const { user, router } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'manager' });
    const calls = await fromApi(SEQUENCE, 'call');
    await scheduledTable();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Step type' }), 'Call');
    await waitFor(() => expect(screen.getByText(/scheduled steps?$/, { selector: '[role="status"]' })).toHaveTextContent(
      `${calls.total} scheduled step`,
    ));
    if (calls.total > 0) {
      const table = await scheduledTable();
      for (const row of within(table).getAllByRole('row').slice(1)) expect(row).toHaveTextContent('Call');
    }
    // The filter lives in the URL, so a link reproduces the view.
    expect(new URLSearchParams(router.state.location.search).get('stepType')).toBe('call');

    // A day long past: nothing is scheduled then.
    // Month, day, year in English: each segment moves on to the next when it is full.
    await user.click(within(await screen.findByRole('group', { name: 'Sends until' })).getAllByRole('spinbutton')[0]!);
    await user.keyboard('01012001');
    expect(await screen.findByRole('heading', { name: 'No scheduled steps match these filters' })).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(await scheduledTable()).toBeInTheDocument();
  });

  it('opens with the filters a link carries', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled&stepType=call&sendsTo=2001-01-01`, user: 'manager' });
    expect(await screen.findByRole('heading', { name: 'No scheduled steps match these filters' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Step type' })).toHaveValue('call');
    const segments = within(await screen.findByRole('group', { name: 'Sends until' })).getAllByRole('spinbutton');
    expect(segments.map((s) => s.getAttribute('aria-valuenow'))).toEqual(['1', '1', '2001']);
  });

  it('says when nothing is scheduled', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    const [idle] = await api.db.query<{ id: number }>(
      `SELECT s.id FROM sequences s WHERE s.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.status = 'active')
        ORDER BY s.id LIMIT 1`,
    );
    expect(idle).toBeDefined();
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await act(() => router.navigate(`/sequences/${idle!.id}?tab=scheduled`));
    expect(await screen.findByRole('heading', { name: 'Nothing is scheduled' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the list fails to load', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    await screen.findByRole('tab', { name: 'Scheduled' });
    api.faults.failEndpoint('listScheduled', 500);
    await user.click(screen.getByRole('tab', { name: 'Scheduled' }));

    expect(await screen.findByRole('heading', { name: "We couldn't load the scheduled steps." })).toBeInTheDocument();
    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await scheduledTable()).toBeInTheDocument();
  });

  it('unenrolls a contact from its row: the row leaves and Enrollments shows them unenrolled', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'manager' });
    const [first] = (await fromApi()).items;
    const table = await scheduledTable();
    const row = within(table).getByRole('link', { name: first!.contact.name }).closest('tr')!;
    const unenroll = within(row).getByRole('button', { name: 'Unenroll' });
    expect(unenroll).toHaveAccessibleDescription(first!.contact.name);

    await user.click(unenroll);
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${first!.contact.name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    await waitFor(() => expect(within(table).queryByRole('link', { name: first!.contact.name })).not.toBeInTheDocument());
    const toasts = await screen.findByRole('region', { name: 'Notifications' });
    expect(within(toasts).getByText(`${first!.contact.name} was unenrolled.`)).toBeInTheDocument();
    // The keyboard stays in the list, on the row that took its place.
    await waitFor(() => expect(within(table).getAllByRole('button', { name: 'Unenroll' })[0]).toHaveFocus());
    const [saved] = await api.db.query<{ status: string }>('SELECT status FROM enrollments WHERE id = $1', [Number(first!.enrollmentId)]);
    expect(saved!.status).toBe('unenrolled');

    await user.click(screen.getByRole('tab', { name: 'Enrollments' }));
    await user.type(await screen.findByRole('searchbox', { name: 'Search contacts' }), first!.contact.email);
    const found = await screen.findByRole('row', { name: new RegExp(first!.contact.name) });
    await waitFor(() => expect(found).toHaveTextContent('Unenrolled manually by Morgan Lee'));
  });

  it('offers no Unenroll to a marketer', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'marketer' });
    const table = await scheduledTable();
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(within(table).queryByRole('button', { name: 'Unenroll' })).not.toBeInTheDocument();
  });
});
