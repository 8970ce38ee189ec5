import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { request } from '../../../api/client';
import { api as endpoints } from '../../../contract/api';
import type { EmailHealthQuery, HealthRate } from '../../../contract/email-health';
import { renderApp } from '../../../test/render-app';

/** What the API itself answers, to compare the screen against. */
const fromApi = (query: z.input<typeof EmailHealthQuery> = {}) => request(endpoints.getEmailHealth, { query });

// The figures as a reader expects them in English, written out here rather than taken from
// the app: whole numbers grouped, rates with the decimals their size needs (0.08%, 6.26%, 23.6%).
const count = (n: number) => new Intl.NumberFormat('en').format(n);
function percent(fraction: number): string {
  const p = fraction * 100;
  const options: Intl.NumberFormatOptions =
    p === 0 || p >= 10
      ? { style: 'percent', maximumFractionDigits: 1 }
      : p >= 0.1
        ? { style: 'percent', maximumFractionDigits: 2 }
        : { style: 'percent', maximumSignificantDigits: 2 };
  return new Intl.NumberFormat('en', options).format(fraction);
}
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
// Spaces as Testing Library's text matching sees them (Intl puts thin spaces around the dash).
const dayRange = (from: string, to: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utc(from), utc(to)).replace(/\s+/g, ' ');
const counts = (r: Pick<HealthRate, 'numerator' | 'denominator' | 'denominatorKind'>) =>
  `${count(r.numerator)} of ${count(r.denominator)} ${r.denominatorKind}`;

const LABELS = {
  hardBounce: 'Hard bounce rate',
  softBounce: 'Soft bounce rate',
  spamReport: 'Spam report rate',
  unsubscribe: 'Unsubscribe rate',
  open: 'Open rate',
  click: 'Click rate',
} as const;
const BANDS = { healthy: 'Healthy', room_for_improvement: 'Room for improvement', needs_attention: 'Needs attention' } as const;

describe('email health page', () => {
  it('shows the six rates with the figures behind them, the status and the probation notice', async () => {
    await renderApp({ url: '/email-health', user: 'marketer' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Email health' })).toBeInTheDocument();
    const health = await fromApi();
    expect(health.notEnoughData).toBe(false);

    for (const rate of health.rates) {
      const card = await screen.findByRole('article', { name: LABELS[rate.key] });
      expect(card).toHaveTextContent(percent(rate.value!));
      expect(card).toHaveTextContent(counts(rate));
      expect(card).toHaveTextContent(BANDS[rate.band!]);
      if (rate.suspensionLimit !== null) {
        expect(within(card).getByText('Suspension limit').nextElementSibling).toHaveTextContent(percent(rate.suspensionLimit));
      }
    }
    // Hard and soft bounces are separate figures.
    const hard = health.rates.find((r) => r.key === 'hardBounce')!;
    const soft = health.rates.find((r) => r.key === 'softBounce')!;
    expect(hard.numerator).not.toBe(soft.numerator);

    const status = screen.getByRole('region', { name: 'Overall status' });
    expect(status).toHaveTextContent({ critical: 'Critical', at_risk: 'At risk', needs_improvement: 'Needs improvement', healthy: 'Healthy', not_enough_data: 'Not enough data' }[health.status]);
    expect(status).toHaveTextContent(`${count(health.sent)} marketing emails sent, ${count(health.delivered)} delivered.`);

    // The demo account is on probation: the notice names the figure and leads to Marketing email.
    expect(health.probation.onProbation).toBe(true);
    const notice = screen.getByRole('region', { name: 'Marketing email is on probation' });
    const trigger = health.probation.triggers[0]!;
    expect(notice).toHaveTextContent(`${LABELS[trigger.key]} is ${percent(trigger.value)}, over your industry's probation threshold of ${percent(trigger.threshold)}.`);
    expect(within(notice).getByRole('link', { name: 'Marketing email' })).toHaveAttribute('href', '/marketing-email');

    // What to do first: in the API's order, each with its figure.
    const recommendations = within(screen.getByRole('region', { name: 'What to do first' })).getAllByRole('listitem');
    expect(recommendations).toHaveLength(health.recommendations.length);
    const first = health.recommendations[0]!;
    expect(first.code).toBe('COMPLETE_CONTACT_REVIEW');
    expect(recommendations[0]).toHaveTextContent('Urgent');
    expect(recommendations[0]).toHaveTextContent('Finish the contact review');
    expect(recommendations[0]).toHaveTextContent(`${LABELS[trigger.key]} ${percent(trigger.value)}`);

    expect(screen.getByText('Compared with the benchmark for Software.')).toBeInTheDocument();
    // Only admins choose the industry.
    expect(screen.queryByRole('combobox', { name: 'Industry' })).not.toBeInTheDocument();
  });

  it('switches the period in the URL and says which dates it covers', async () => {
    const { user } = await renderApp({ url: '/email-health', user: 'marketer' });
    const last30 = await screen.findByRole('radio', { name: 'Last 30 days' });
    expect(last30).toBeChecked();
    const d30 = (await fromApi()).window;
    expect(screen.getByText(`${dayRange(d30.from, d30.to)} (${d30.days} full days).`)).toBeInTheDocument();
    expect(screen.getByText(/The last 48 hours are left out/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Last 90 days' }));

    await waitFor(() => expect(window.location.search).toBe('?window=90d'));
    const health90 = await fromApi({ window: '90d' });
    expect(health90.window.days).toBeGreaterThan(d30.days);
    expect(await screen.findByText(`${dayRange(health90.window.from, health90.window.to)} (${health90.window.days} full days).`)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Last 90 days' })).toBeChecked();
    const hard = health90.rates.find((r) => r.key === 'hardBounce')!;
    expect(screen.getByRole('article', { name: 'Hard bounce rate' })).toHaveTextContent(counts(hard));
  });

  it('says when there is not enough data, and still shows the figures without judging them', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'marketer' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    await api.db.query(`DELETE FROM email_events WHERE kind = 'marketing'`);
    // 120 marketing emails a few days ago, 6 of them hard bounces: too few to judge.
    await api.db.query(
      `INSERT INTO email_events (occurred_at, kind, contact_id, provider, sent, delivered, bounce)
       SELECT now() - interval '5 days', 'marketing', (SELECT min(id) FROM contacts), 'gmail', true, g > 6, CASE WHEN g <= 6 THEN 'hard' END
         FROM generate_series(1, 120) AS g`,
    );

    await act(() => router.navigate('/email-health'));

    const notice = await screen.findByRole('region', { name: 'Not enough data to judge' });
    expect(notice).toHaveTextContent('Only 120 marketing emails were sent in this period. The rates are judged once at least 400 have been sent.');
    expect(screen.getByRole('region', { name: 'Overall status' })).toHaveTextContent('Not enough data');
    const hard = screen.getByRole('article', { name: 'Hard bounce rate' });
    expect(hard).toHaveTextContent('5%');
    expect(hard).toHaveTextContent('6 of 120 sent');
    expect(hard).toHaveTextContent('Not judged: not enough data');
    expect(hard).not.toHaveTextContent('Over the limit');
    // The figures no longer call for probation, but the account stays on the one it is on (its
    // stored state, the same as Marketing email shows) until the contact review is done.
    expect(screen.getByRole('region', { name: 'Marketing email is on probation' })).not.toHaveTextContent('over your industry');
    // Nothing is recommended about the rates; sending problems on the sender's side still are.
    const todo = screen.getByRole('region', { name: 'What to do first' });
    expect(todo).not.toHaveTextContent('Remove addresses that bounce');
    expect(todo).toHaveTextContent('Fix sending problems on your side');
  });

  it('follows a not-sent reason to the contacts it concerns, each linking to their record', async () => {
    const { user } = await renderApp({ url: '/email-health', user: 'marketer' });
    await screen.findByRole('heading', { level: 1, name: 'Email health' });
    const health = await fromApi();
    const recipient = health.notSent.groups.find((g) => g.group === 'recipient')!;
    const mailboxFull = recipient.reasons.find((r) => r.reason === 'MAILBOX_FULL')!;

    const group = screen.getByRole('table', { name: /^Recipient problems/ });
    const row = within(group).getByRole('rowheader', { name: /Mailbox full/ }).closest('tr')!;
    expect(row).toHaveTextContent('MAILBOX_FULL');
    expect(row).toHaveTextContent("The recipient's mailbox has no room left");
    expect(row).toHaveTextContent('Try again later.');
    await user.click(within(row).getByRole('link', { name: `${count(mailboxFull.count)} emails not sent: Mailbox full. Show the contacts` }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mailbox full' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/email-health/not-sent/MAILBOX_FULL');
    expect(screen.getByRole('status')).toHaveTextContent(`${count(mailboxFull.count)} emails not sent`);
    const page = await request(endpoints.listNotSentContacts, { query: { reason: 'MAILBOX_FULL', limit: 50 } });
    const table = screen.getByRole('table', { name: 'Emails not sent: Mailbox full' });
    const links = within(table).getAllByRole('link');
    expect(links).toHaveLength(page.items.length);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(page.items.map((i) => `/contacts/${i.contact.id}`));

    // Search by a contact's surname: the list narrows to what the API finds.
    const surname = page.items[0]!.contact.name.split(' ').at(-1)!;
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), surname);
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe(surname));
    const found = await request(endpoints.listNotSentContacts, { query: { reason: 'MAILBOX_FULL', q: surname } });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('link')).toHaveLength(found.total));

    await user.click(within(screen.getByRole('table')).getAllByRole('link')[0]!);
    await waitFor(() => expect(window.location.pathname).toBe(`/contacts/${page.items[0]!.contact.id}`));
  });

  it('pages through a long list with Load more, moving focus to the first new row', async () => {
    const { user } = await renderApp({ url: '/email-health/not-sent/PREVIOUSLY_BOUNCED', user: 'marketer' });
    const table = await screen.findByRole('table', { name: 'Emails not sent: Bounced before' });
    expect(within(table).getAllByRole('link')).toHaveLength(50);

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(within(table).getAllByRole('link')).toHaveLength(100));
    expect(within(table).getAllByRole('link')[50]).toHaveFocus();
    expect(screen.getByText(/^Showing 100 of /)).toBeInTheDocument();
  });

  it('answers an unknown reason with the not-found page', async () => {
    await renderApp({ url: '/email-health/not-sent/NO_SUCH_REASON', user: 'marketer' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('shows the no-access page to a sales rep', async () => {
    await renderApp({ url: '/email-health', user: 'rep' });
    expect(await screen.findByRole('heading', { level: 1, name: 'No access' })).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Hard bounce rate' })).not.toBeInTheDocument();
  });

  it('shows an error with Try again, which recovers', async () => {
    const { user, api } = await renderApp({ url: '/email-health', user: 'marketer' });
    api.faults.failEndpoint('getEmailHealth', 500);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load email health.");
    expect(alert).toHaveTextContent('Something went wrong on our side. Try again.');
    expect(screen.getByRole('heading', { level: 1, name: 'Email health' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Last 30 days' })).toBeInTheDocument();

    api.faults.reset();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('article', { name: 'Hard bounce rate' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('lets an admin change the industry, and the benchmark follows', async () => {
    const { user, api } = await renderApp({ url: '/email-health', user: 'admin' });
    expect(await screen.findByText('Compared with the benchmark for Software.')).toBeInTheDocument();
    const select = await screen.findByRole('combobox', { name: 'Industry' });
    expect(select).toHaveValue('software');

    await user.selectOptions(select, 'Manufacturing (general benchmark)');
    await user.click(screen.getByRole('button', { name: 'Save industry' }));

    expect(await screen.findByText('Compared with the general benchmark: Manufacturing has no benchmark of its own.')).toBeInTheDocument();
    expect(await screen.findByText('Saved. The figures are now held to the thresholds for Manufacturing.')).toBeInTheDocument();
    const [account] = await api.db.query<{ industry: string }>('SELECT industry FROM account WHERE id = 1');
    expect(account!.industry).toBe('manufacturing');
    // The open rate is now held to the general benchmark.
    const open = (await fromApi()).rates.find((r) => r.key === 'open')!;
    expect(within(screen.getByRole('article', { name: 'Open rate' })).getByText('Benchmark').nextElementSibling).toHaveTextContent(
      percent(open.benchmark!),
    );
  });

  it('says so when saving the industry fails, and keeps the old benchmark', async () => {
    const { user, api } = await renderApp({ url: '/email-health', user: 'admin' });
    const select = await screen.findByRole('combobox', { name: 'Industry' });
    api.faults.failEndpoint('updateAccountIndustry', 500);

    await user.selectOptions(select, 'Media and publishing');
    await user.click(screen.getByRole('button', { name: 'Save industry' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The industry was not saved. Something went wrong on our side. Try again.');
    expect(screen.getByText('Compared with the benchmark for Software.')).toBeInTheDocument();
  });

  it('gives each trend chart a table with the same values, by day or by week', async () => {
    const { user } = await renderApp({ url: '/email-health', user: 'marketer' });
    const chart = await screen.findByRole('figure', { name: 'Hard bounce rate' });
    expect(within(chart).getByRole('img', { name: /^Hard bounce rate by day/ })).toBeInTheDocument();
    const toggle = within(chart).getByRole('button', { name: 'Show as table: Hard bounce rate' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(chart).queryByRole('table')).not.toBeInTheDocument();

    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const series = (await fromApi()).trend.series.find((s) => s.key === 'hardBounce')!;
    const table = within(chart).getByRole('table', { name: 'Hard bounce rate by day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(series.points.length);
    const withData = series.points.findIndex((p) => p.value !== null);
    const point = series.points[withData]!;
    expect(rows[withData]).toHaveTextContent(percent(point.value!));
    expect(rows[withData]).toHaveTextContent(`${count(point.numerator)} of ${count(point.denominator)} sent`);
    // The chart's lines are named, thresholds included.
    expect(within(chart).getByRole('list', { name: 'Lines on the chart' })).toHaveTextContent('Suspension limit 5%');

    await user.click(screen.getByRole('radio', { name: 'Weekly' }));

    await waitFor(() => expect(new URLSearchParams(window.location.search).get('granularity')).toBe('week'));
    const weekly = (await fromApi({ granularity: 'week' })).trend.series.find((s) => s.key === 'hardBounce')!;
    const weekTable = await within(chart).findByRole('table', { name: 'Hard bounce rate by week' });
    expect(within(weekTable).getAllByRole('row').slice(1)).toHaveLength(weekly.points.length);
    const busiest = weekly.points.reduce((a, b) => (b.denominator > a.denominator ? b : a));
    expect(weekTable).toHaveTextContent(`${count(busiest.numerator)} of ${count(busiest.denominator)} sent`);
  });

  it('breaks the figures down by mailbox provider', async () => {
    await renderApp({ url: '/email-health', user: 'marketer' });
    const table = await screen.findByRole('table', { name: 'By mailbox provider' });
    const health = await fromApi();
    for (const p of health.providers) {
      const name = { gmail: 'Gmail', outlook: 'Outlook', yahoo: 'Yahoo', other: 'Other' }[p.provider];
      const row = within(table).getByRole('rowheader', { name }).closest('tr')!;
      const cells = within(row).getAllByRole('cell');
      expect(cells[0]).toHaveTextContent(count(p.sent));
      expect(cells[1]).toHaveTextContent(count(p.delivered));
      if (p.hardBounce.value !== null) expect(cells[2]).toHaveTextContent(percent(p.hardBounce.value));
      if (p.spamReport.value !== null) expect(cells[4]).toHaveTextContent(percent(p.spamReport.value));
    }
  });
});
