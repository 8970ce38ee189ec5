import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { EnrollmentFilter, EnrollmentListQuery } from '../../../contract/enrollments';
import type { MockApi } from '../../../mocks/node';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = '1';
/** The demo's largest sequence: 2,500 enrollments, enough to show progress. */
const LARGE_SEQUENCE = '2';

const toasts = () => screen.findByRole('region', { name: 'Notifications' });
const number = (n: number) => new Intl.NumberFormat('en').format(n);

/** The table once the rows of the current filter have arrived. */
async function settledTable() {
  const found = await screen.findByRole('table');
  await waitFor(() => expect(found).not.toHaveAttribute('aria-busy'));
  return found;
}

async function sequenceName(id: string) {
  return (await request(endpoints.getSequence, { params: { id } })).name;
}

async function countOf(id: string, filter: z.input<typeof EnrollmentFilter>) {
  return (await request(endpoints.countEnrollments, { params: { id }, query: filter })).total;
}

/** One page of the sequence's enrollments, as the API lists them. */
async function rowsOf(query: z.input<typeof EnrollmentListQuery>) {
  return request(endpoints.listEnrollments, { params: { id: SEQUENCE }, query });
}

async function statuses(api: MockApi, ids: string[]) {
  const rows = await api.db.query<{ id: number; status: string }>(
    'SELECT id, status FROM enrollments WHERE id = ANY($1::int[]) ORDER BY id',
    [ids.map(Number)],
  );
  return rows.map((r) => r.status);
}

/** Idempotency-Key headers of the bulk unenroll requests the app sent. */
function recordKeys(api: MockApi): string[] {
  const keys: string[] = [];
  api.server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === endpoints.bulkUnenroll.path) keys.push(request.headers.get('Idempotency-Key') ?? '');
  });
  return keys;
}

describe('bulk unenroll', () => {
  it('ticks rows, confirms the exact number, reports it in a toast, and Undo restores them', async () => {
    const search = '?status=active&sort=contact&dir=asc';
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const name = await sequenceName(SEQUENCE);
    const page = await rowsOf({ status: 'active', sort: 'contact', dir: 'asc', limit: 2 });
    const [first, second] = page.items;
    await settledTable();

    await user.click(screen.getByRole('checkbox', { name: `Select ${first!.contact.name}` }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).toBePartiallyChecked();
    await user.click(screen.getByRole('checkbox', { name: `Select ${second!.contact.name}` }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    const unenroll = screen.getByRole('button', { name: 'Unenroll' });
    await user.click(unenroll);
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll 2 contacts from ${name}?` });
    expect(dialog).toHaveTextContent('Their history and the sequence\'s figures are kept.');
    const keys = recordKeys(api);
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    expect(await within(await toasts()).findByText('2 contacts unenrolled.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog', { name: /^Unenroll / })).not.toBeInTheDocument());
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await statuses(api, [first!.id, second!.id])).toEqual(['unenrolled', 'unenrolled']);
    // The selection is done with; the rows now say so.
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: `Select ${first!.contact.name}` })).not.toBeInTheDocument());

    await user.click(within(await toasts()).getByRole('button', { name: 'Undo' }));
    expect(await within(await toasts()).findByText('2 contacts restored.')).toBeInTheDocument();
    expect(await statuses(api, [first!.id, second!.id])).toEqual(['active', 'active']);
    expect(await screen.findByRole('checkbox', { name: `Select ${first!.contact.name}` })).not.toBeChecked();
  });

  it('reports the rows it skipped and why', async () => {
    const search = '?sort=contact&dir=asc';
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const page = await rowsOf({ sort: 'contact', dir: 'asc', limit: 20 });
    const active = page.items.find((e) => e.status === 'active');
    const gone = page.items.find((e) => e.status === 'unenrolled');
    expect(active && gone).toBeTruthy();
    await settledTable();

    await user.click(screen.getByRole('checkbox', { name: `Select ${active!.contact.name}` }));
    await user.click(screen.getByRole('checkbox', { name: `Select ${gone!.contact.name}` }));
    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: /^Unenroll 2 contacts from/ });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));

    const toast = (await within(await toasts()).findByText('1 contact unenrolled.')).closest('.toast') as HTMLElement;
    expect(toast).toHaveTextContent('1 skipped: 1 already unenrolled.');
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('selects every enrollment matching the filters with the exact total, and Cancel changes nothing', async () => {
    const search = '?status=paused';
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const name = await sequenceName(SEQUENCE);
    const total = await countOf(SEQUENCE, { status: 'paused' });
    expect(total).toBeGreaterThan(100);
    await settledTable();

    const header = screen.getByRole('checkbox', { name: 'Select all loaded rows' });
    await user.click(header);
    expect(header).toBeChecked();
    expect(screen.getByText('100 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: `Select all ${number(total)} matching` }));
    expect(screen.getByText(`All ${number(total)} matching enrollments are selected`)).toBeInTheDocument();

    const unenroll = screen.getByRole('button', { name: 'Unenroll' });
    await user.click(unenroll);
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${number(total)} contacts from ${name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { name: /^Unenroll / })).not.toBeInTheDocument());
    await waitFor(() => expect(unenroll).toHaveFocus());
    const [still] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = 1 AND status = 'paused'`,
    );
    expect(still!.n).toBe(total);

    // Another filter starts with nothing selected.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Active');
    await waitFor(() => expect(screen.queryByText(/selected$/)).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Unenroll' })).not.toBeInTheDocument();
    await settledTable();
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).not.toBeChecked();

    // Clear selection empties it.
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).not.toBeChecked();
  });

  it('leaves out a row unticked after selecting all that match, and unenrolls all the others', async () => {
    const search = '?status=paused&sort=contact&dir=asc';
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const name = await sequenceName(SEQUENCE);
    const total = await countOf(SEQUENCE, { status: 'paused' });
    const page = await rowsOf({ status: 'paused', sort: 'contact', dir: 'asc', limit: 1 });
    const kept = page.items[0]!;
    await settledTable();

    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    await user.click(screen.getByRole('button', { name: `Select all ${number(total)} matching` }));
    await user.click(screen.getByRole('checkbox', { name: `Select ${kept.contact.name}` }));
    expect(screen.getByText(`${number(total - 1)} selected`)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Select all loaded rows' })).toBePartiallyChecked();

    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: `Unenroll ${number(total - 1)} contacts from ${name}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    expect(await toasts()).toHaveTextContent(`${number(total - 1)} contacts unenrolled`);

    const rows = await api.db.query<{ id: number; status: string }>(
      `SELECT id, status FROM enrollments WHERE sequence_id = $1 AND (status = 'paused' OR id = $2)`,
      [Number(SEQUENCE), Number(kept.id)],
    );
    expect(rows).toEqual([{ id: Number(kept.id), status: 'paused' }]);
  });

  it('keeps the dialog open with the reason when unenrolling fails, and retries with the same key', async () => {
    const search = '?status=active&sort=contact&dir=asc';
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const page = await rowsOf({ status: 'active', sort: 'contact', dir: 'asc', limit: 1 });
    const [first] = page.items;
    await settledTable();
    await user.click(screen.getByRole('checkbox', { name: `Select ${first!.contact.name}` }));
    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: /^Unenroll 1 contact from/ });

    const keys = recordKeys(api);
    api.faults.failNetwork('bulkUnenroll');
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("Can't reach the server.");
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    expect(await statuses(api, [first!.id])).toEqual(['active']);

    api.faults.reset();
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await within(await toasts()).findByText('1 contact unenrolled.')).toBeInTheDocument();
    expect(await statuses(api, [first!.id])).toEqual(['unenrolled']);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('shows progress while many enrollments are unenrolled', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${LARGE_SEQUENCE}`, user: 'manager' });
    const total = await countOf(LARGE_SEQUENCE, {});
    expect(total).toBeGreaterThan(2000);
    await settledTable();
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    await user.click(screen.getByRole('button', { name: `Select all ${number(total)} matching` }));
    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: new RegExp(`^Unenroll ${number(total)} contacts from`) });

    api.faults.delayEndpoint('bulkUnenroll', 400);
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    expect(await within(dialog).findByRole('progressbar', { name: `Unenrolling ${number(total)} contacts…` })).toBeInTheDocument();
    const toast = (await within(await toasts()).findByText(/contacts unenrolled\.$/)).closest('.toast') as HTMLElement;
    expect(toast).toHaveTextContent(/skipped: .*already unenrolled/);
    const [left] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = 2 AND status IN ('active', 'paused')`,
    );
    expect(left!.n).toBe(0);
  });

  it('lets a rep unenroll only their own enrollments', async () => {
    const search = '?status=active';
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'rep' });
    const total = await countOf(SEQUENCE, { status: 'active' });
    const [own] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = 1 AND status = 'active' AND enrolled_by = 1`,
    );
    const [others] = await api.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = 1 AND status = 'active' AND enrolled_by <> 1`,
    );
    expect(total).toBe(own!.n);
    expect(others!.n).toBeGreaterThan(0);
    await settledTable();

    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded rows' }));
    const selectAll = screen.queryByRole('button', { name: `Select all ${number(total)} matching` });
    if (selectAll) await user.click(selectAll);
    await user.click(screen.getByRole('button', { name: 'Unenroll' }));
    const dialog = await screen.findByRole('alertdialog', { name: new RegExp(`^Unenroll ${number(total)} contacts from`) });
    await user.click(within(dialog).getByRole('button', { name: 'Unenroll' }));
    expect(await within(await toasts()).findByText(`${number(total)} contacts unenrolled.`)).toBeInTheDocument();

    const [after] = await api.db.query<{ own: number; others: number }>(
      `SELECT sum((enrolled_by = 1)::int)::int AS own, sum((enrolled_by <> 1)::int)::int AS others
         FROM enrollments WHERE sequence_id = 1 AND status = 'active'`,
    );
    expect(after).toEqual({ own: 0, others: others!.n });
  });

  it('offers no selection to a marketer', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'marketer' });
    await settledTable();
    expect(screen.getAllByRole('row').length).toBeGreaterThan(2);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Unenroll' })).not.toBeInTheDocument();
  });
});
