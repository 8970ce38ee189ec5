import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { EnrollmentListQuery } from '../../../contract/enrollments';
import { renderApp } from '../../../test/render-app';

const SEQUENCE = '1';

/** What the API itself answers, to compare the screen against. */
async function fromApi(view: Omit<z.input<typeof EnrollmentListQuery>, 'cursor' | 'limit'> = {}) {
  const params = { id: SEQUENCE };
  const { sort: _sort, dir: _dir, ...filter } = view;
  const [detail, page, count] = await Promise.all([
    request(endpoints.getSequence, { params }),
    request(endpoints.listEnrollments, { params, query: { ...view, limit: 20 } }),
    request(endpoints.countEnrollments, { params, query: filter }),
  ]);
  return { detail, page, total: count.total };
}

const table = () => screen.getByRole('table');
const rowNames = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent);
const header = (name: string) => screen.getAllByRole('columnheader').find((th) => th.textContent === name)!;
const params = () => new URLSearchParams(window.location.search);
const total = () => screen.getByText(/enrollments?$/, { selector: '[role="status"]' });

describe('sequence summary', () => {
  it('shows the name, owner, steps and figures, the tabs, and the table with the total', async () => {
    await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    const { detail, page, total: expected } = await fromApi();

    expect(await screen.findByRole('heading', { level: 1, name: detail.name })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(document.title).toBe(`${detail.name} · Sequence Desk`);
    expect(screen.getByText('Owner').parentElement).toHaveTextContent(`Owner ${detail.owner.name}`);
    expect(screen.getByText(`${detail.steps.length} steps`)).toBeInTheDocument();
    const steps = screen.getByRole('list', { name: `${detail.steps.length} steps` });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(detail.steps.length);

    const figure = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    const number = new Intl.NumberFormat('en');
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    expect(figure('Enrolled')).toHaveTextContent(number.format(detail.figures.enrolled));
    expect(figure('Active')).toHaveTextContent(number.format(detail.figures.active));
    expect(figure('Paused')).toHaveTextContent(number.format(detail.figures.paused));
    expect(figure('Finished')).toHaveTextContent(number.format(detail.figures.finished));
    expect(figure('Unenrolled')).toHaveTextContent(number.format(detail.figures.unenrolled));
    expect(figure('With errors')).toHaveTextContent(number.format(detail.figures.withErrors));
    expect(figure('Open rate')).toHaveTextContent(percent.format(detail.figures.openRate!));
    expect(figure('Click rate')).toHaveTextContent(percent.format(detail.figures.clickRate!));
    expect(figure('Reply rate')).toHaveTextContent(percent.format(detail.figures.replyRate!));
    expect(figure('Meeting rate')).toHaveTextContent(percent.format(detail.figures.meetingRate!));

    expect(screen.getByRole('tab', { name: 'Enrollments' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('button', { name: 'Enroll contacts' })).toBeInTheDocument();

    await waitFor(() => expect(total()).toHaveTextContent(`${number.format(expected)} enrollments`));
    for (const name of ['Contact', 'Enrolled', 'Email', 'Step', 'Enrolled by', 'Enrolled on', 'Last activity', 'Unenroll reason', 'Actions']) {
      expect(header(name), name).toBeInTheDocument();
    }
    expect(header('Enrolled on')).toHaveAttribute('aria-sort', 'descending');
    expect(table()).toHaveAttribute('aria-rowcount', String(expected + 1));
    expect(rowNames().slice(0, 20)).toEqual(page.items.map((e) => e.contact.name));

    const index = page.items.findIndex((e) => e.status === 'active');
    const first = page.items[index]!;
    const row = screen.getByRole('link', { name: first.contact.name }).closest('tr')!;
    expect(row).toHaveAttribute('aria-rowindex', String(index + 2));
    expect(within(row).getAllByRole('cell')[1]).toHaveTextContent('Active');
    expect(within(row).getByRole('link', { name: first.contact.name })).toHaveAttribute('href', `/contacts/${first.contact.id}`);
    expect(row).toHaveTextContent(first.contact.email);
    expect(row).toHaveTextContent(`${first.currentStep} of ${first.totalSteps}`);
    expect(row).toHaveTextContent(first.enrolledBy.name);
    expect(within(row).getByRole('button', { name: 'Actions' })).toBeInTheDocument();
  });

  it('keeps the tab in the URL', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}?tab=scheduled`, user: 'manager' });

    expect(await screen.findByRole('tab', { name: 'Scheduled' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('table', { name: 'Scheduled steps, soonest first' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Enrollments' }));

    expect(await screen.findByRole('table', { name: /^Enrollments, sorted by/ })).toBeInTheDocument();
    expect(params().get('tab')).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Scheduled' }));
    await waitFor(() => expect(params().get('tab')).toBe('scheduled'));
  });

  it('reproduces a filtered, searched and sorted view from a link, and says how many match', async () => {
    const search = '?status=paused&error=SEND_FAILURE&sort=contact&dir=asc';
    await renderApp({ url: `/sequences/${SEQUENCE}${search}`, user: 'manager' });
    const { page, total: expected } = await fromApi({ status: 'paused', error: 'SEND_FAILURE', sort: 'contact', dir: 'asc' });
    expect(expected).toBeGreaterThan(1);

    await screen.findByRole('table');
    await waitFor(() => expect(total()).toHaveTextContent(`${expected} enrollments`));
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('paused');
    expect(screen.getByRole('combobox', { name: 'Error' })).toHaveValue('SEND_FAILURE');
    expect(header('Contact')).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames().slice(0, page.items.length)).toEqual(page.items.map((e) => e.contact.name));
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(within(row).getByRole('button', { name: 'Send failure' })).toBeInTheDocument();
    }
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      `${endpoints.exportEnrollments.path.replace(':id', SEQUENCE)}?status=paused&error=SEND_FAILURE&sort=contact&dir=asc`,
    );
  });

  it('puts each filter and the search in the URL, and clears them', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    await screen.findByRole('table');
    const [someone] = await api.db.query<{ id: number; name: string }>(
      `SELECT u.id, u.name FROM enrollments e JOIN users u ON u.id = e.enrolled_by
        WHERE e.sequence_id = $1 AND e.status = 'unenrolled' AND e.enrolled_at >= '2026-11-01'
        GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`,
      [Number(SEQUENCE)],
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Unenrolled');
    await waitFor(() => expect(params().get('status')).toBe('unenrolled'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Enrolled by' }), someone!.name);
    await waitFor(() => expect(params().get('enrolledBy')).toBe(String(someone!.id)));
    // Month, day, year in English; each segment moves on to the next when it is full.
    await user.click(within(await screen.findByRole('group', { name: 'Enrolled from' })).getAllByRole('spinbutton')[0]!);
    await user.keyboard('11012026');
    await waitFor(() => expect(params().get('from')).toBe('2026-11-01'));

    const expected = await fromApi({ status: 'unenrolled', enrolledBy: String(someone!.id), from: '2026-11-01' });
    expect(expected.total).toBeGreaterThan(0);
    await waitFor(() => expect(total()).toHaveTextContent(expected.total === 1 ? '1 enrollment' : `${expected.total} enrollments`));
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(row).toHaveTextContent('Unenrolled');
      expect(row).toHaveTextContent(someone!.name);
    }

    const word = expected.page.items[0]!.contact.email.split('@')[0]!;
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), word);
    await waitFor(() => expect(params().get('q')).toBe(word));
    await waitFor(() => expect(rowNames()).toContain(expected.page.items[0]!.contact.name));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search contacts' })).toHaveValue(''));
    expect(window.location.search).toBe('');
    expect(screen.getByRole('searchbox', { name: 'Search contacts' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
  });

  it('ignores values in the URL it does not know, rather than failing', async () => {
    await renderApp({
      url: `/sequences/${SEQUENCE}?status=bogus&error=NOPE&enrolledBy=me&from=2026-13-45&to=yesterday&sort=zzz&dir=up&tab=x`,
      user: 'manager',
    });
    const { total: expected } = await fromApi();

    expect(await screen.findByRole('table')).toBeInTheDocument();
    await waitFor(() => expect(total()).toHaveTextContent(`${new Intl.NumberFormat('en').format(expected)} enrollments`));
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Error' })).toHaveValue('');
    expect(header('Enrolled on')).toHaveAttribute('aria-sort', 'descending');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('filters by an error of the summary, shows it chosen, and clears it', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    const { detail } = await fromApi();
    const entry = detail.errorSummary.find((e) => e.code === 'BLOCKED_DOMAIN')!;
    const disconnected = detail.errorSummary.find((e) => e.code === 'INBOX_DISCONNECTED')!;
    await screen.findByRole('table');
    const summary = screen.getByRole('region', { name: 'Errors in this sequence' });
    expect(within(summary).getByRole('button', { name: `Inbox disconnected · ${disconnected.count}` })).toBeInTheDocument();
    const chip = within(summary).getByRole('button', { name: `BLOCKED_DOMAIN · ${entry.count}` });
    expect(chip).toHaveAttribute('aria-pressed', 'false');

    await user.click(chip);

    await waitFor(() => expect(chip).toHaveAttribute('aria-pressed', 'true'));
    expect(params().get('error')).toBe('BLOCKED_DOMAIN');
    await waitFor(() => expect(total()).toHaveTextContent(`${entry.count} enrollments`));
    expect(screen.getByRole('combobox', { name: 'Error' })).toHaveValue('BLOCKED_DOMAIN');
    expect(within(table()).getAllByRole('button', { name: 'BLOCKED_DOMAIN' })).toHaveLength(entry.count);

    await user.click(within(summary).getByRole('button', { name: 'Show all' }));

    await waitFor(() => expect(chip).toHaveAttribute('aria-pressed', 'false'));
    expect(params().get('error')).toBeNull();
    await waitFor(() => expect(total()).toHaveTextContent(`${new Intl.NumberFormat('en').format(detail.figures.enrolled)} enrollments`));
  });

  it('sorts by a column header, toggling the direction, with aria-sort and the URL in step', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    await screen.findByRole('table');

    await user.click(screen.getByRole('button', { name: 'Contact' }));

    await waitFor(() => expect(header('Contact')).toHaveAttribute('aria-sort', 'ascending'));
    expect(header('Enrolled on')).not.toHaveAttribute('aria-sort');
    expect(window.location.search).toBe('?sort=contact&dir=asc');
    expect(table()).toHaveAccessibleName('Enrollments, sorted by Contact, ascending');
    const asc = await fromApi({ sort: 'contact', dir: 'asc' });
    await waitFor(() => expect(rowNames().slice(0, 20)).toEqual(asc.page.items.map((e) => e.contact.name)));

    await user.click(screen.getByRole('button', { name: 'Contact' }));

    await waitFor(() => expect(header('Contact')).toHaveAttribute('aria-sort', 'descending'));
    const desc = await fromApi({ sort: 'contact', dir: 'desc' });
    await waitFor(() => expect(rowNames().slice(0, 20)).toEqual(desc.page.items.map((e) => e.contact.name)));

    await user.click(screen.getByRole('button', { name: 'Last activity' }));
    await waitFor(() => expect(window.location.search).toBe('?sort=lastActivity&dir=desc'));
  });

  it('keeps only the rows near the viewport in the DOM, and fetches the next page while scrolling', async () => {
    const { queryClient } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    const { detail } = await fromApi();
    await screen.findByRole('table');
    const rows = () => within(table()).getAllByRole('row').slice(1);
    expect(rows().length).toBeLessThan(60);
    expect(detail.figures.enrolled).toBeGreaterThan(1000);

    // Scroll the page far down (jsdom has no layout: rows count as their estimated height).
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 250 * 61 });
    act(() => void window.dispatchEvent(new Event('scroll')));

    await waitFor(() => expect(rows().some((r) => Number(r.getAttribute('aria-rowindex')) > 230)).toBe(true));
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]!.getAttribute('aria-rowindex')).not.toBe('2');
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
  });

  it('says when nothing matches the filters, with a way to clear them', async () => {
    const { user, queryClient } = await renderApp({ url: `/sequences/${SEQUENCE}?q=zzqx-nobody`, user: 'manager' });
    const { total: all } = await fromApi();

    expect(await screen.findByRole('heading', { name: 'No enrollments match these filters' })).toBeInTheDocument();
    expect(total()).toHaveTextContent('0 enrollments');
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(clear.at(-1)!);

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(window.location.search).toBe('');
    await waitFor(() => expect(total()).toHaveTextContent(`${new Intl.NumberFormat('en').format(all)} enrollments`));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
  });

  it('says when no one is enrolled yet', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'manager' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await api.db.query('DELETE FROM enrollments WHERE sequence_id = 20');

    await act(() => router.navigate('/sequences/20'));

    expect(await screen.findByRole('heading', { name: 'No one is enrolled yet' })).toBeInTheDocument();
    expect(screen.getByText('Contacts you enroll with Enroll contacts show up here.')).toBeInTheDocument();
    expect(screen.getByText('No errors: every contact was enrolled and every step sent.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('shows an error with Try again when the enrollments fail to load, which recovers', async () => {
    const { user, api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'manager' });
    api.faults.failEndpoint('listEnrollments', 500);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load the enrollments.");
    expect(alert).toHaveTextContent('Something went wrong on our side. Try again.');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();

    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the not-found page for a sequence a rep cannot see', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'rep' });
    // A sequence of the manager's that the rep has no enrollments in.
    const [hidden] = await api.db.query<{ id: number }>(
      `INSERT INTO sequences (name, owner_id, created_by) VALUES ('Private to Morgan', 2, 2) RETURNING id`,
    );
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await act(() => router.navigate(`/sequences/${hidden!.id}`));

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('sequence summary by role', () => {
  it('shows a rep only the enrollments they made', async () => {
    const { api } = await renderApp({ url: `/sequences/${SEQUENCE}`, user: 'rep' });
    const [{ n }] = (await api.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND enrolled_by = 1',
      [Number(SEQUENCE)],
    )) as [{ n: number }];

    await screen.findByRole('table');
    await waitFor(() => expect(total()).toHaveTextContent(`${new Intl.NumberFormat('en').format(n)} enrollments`));
    for (const row of within(table()).getAllByRole('row').slice(1)) {
      expect(within(row).getAllByRole('cell')[4]).toHaveTextContent('Sam Rivera');
    }
    const enrollers = within(screen.getByRole('combobox', { name: 'Enrolled by' })).getAllByRole('option');
    expect(enrollers.map((o) => o.textContent)).toEqual(['Anyone', 'Sam Rivera']);
  });

  it('lets a marketer read but not change', async () => {
    const { user } = await renderApp({ url: `/sequences/${SEQUENCE}?status=paused&error=SEND_LIMIT_REACHED`, user: 'marketer' });
    await screen.findByRole('table');

    expect(screen.queryByRole('button', { name: 'Enroll contacts' })).not.toBeInTheDocument();
    const row = within(table()).getAllByRole('row')[1]!;
    await user.click(within(row).getByRole('button', { name: 'Actions' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitem').map((i) => i.textContent)).toEqual(['View contact']);
    await user.keyboard('{Escape}');

    await user.click(within(row).getByRole('button', { name: 'Send limit reached' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send limit reached' });
    expect(within(dialog).queryByRole('button', { name: 'Re-enroll at next step' })).not.toBeInTheDocument();
  });
});
