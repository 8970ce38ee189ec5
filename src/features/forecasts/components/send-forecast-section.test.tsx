import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

const GMAIL = 'samrivera.sales@gmail.com';

/** The rep's Gmail inbox in the forecast: its card and its table. */
async function gmailForecast() {
  const section = await screen.findByRole('region', { name: 'Send forecast' });
  const card = await within(section).findByRole('article', { name: GMAIL });
  const table = within(card).getByRole('table', { name: `Scheduled sends from ${GMAIL}, next 7 days` });
  return { section, card, table };
}

const overRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => within(row).queryAllByRole('cell').length > 0 && within(row).queryByText('Over the limit'));

describe('send forecast on the inboxes page', () => {
  it('shows the week as a chart and a table, flags the day over the limit with the steps that would fail', async () => {
    await renderApp({ url: '/settings/inboxes', user: 'rep' });
    const { card, table } = await gmailForecast();
    expect(card).toHaveTextContent('Daily limit 350 · sequences pause at 315');
    expect(within(table).getAllByRole('row')).toHaveLength(8);
    const [over] = overRows(table);
    expect(over).toBeDefined();
    const [scheduled, overflow, steps] = within(over!).getAllByRole('cell');
    expect(Number(scheduled!.textContent!.replace(/\D/g, ''))).toBeGreaterThan(315);
    const excess = Number(overflow!.textContent!.replace(/\D/g, ''));
    expect(excess).toBe(Number(scheduled!.textContent!.replace(/\D/g, '')) - 315);
    // The steps that would fail add up to the overflow.
    const perStep = within(steps!)
      .getAllByRole('listitem')
      .map((li) => Number(/: ([\d,]+) sends?$/.exec(li.textContent ?? '')?.[1]?.replace(/,/g, '')));
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(excess);
    expect(within(card).getByText(`${excess.toLocaleString('en')} sends over the limit`)).toBeInTheDocument();
    // The chart draws the same week, the overflow in its own colour; it is hidden from assistive technology.
    const chart = card.querySelector('svg.forecast-chart')!;
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect(chart.querySelectorAll('.forecast-chart__bar')).toHaveLength(7);
    expect(chart.querySelectorAll('.forecast-chart__over')).toHaveLength(overRows(table).length);
    // Only the rep's own inboxes, so no owner names.
    expect(within(card).queryByText('Sam Rivera')).not.toBeInTheDocument();
  });

  // Spread, refetch, Undo, refetch: many round trips, so more time on a busy machine.
  it('Spread previews the moves, confirms, empties the day over the limit, and Undo puts it back', { timeout: 90_000 }, async () => {
    const { user } = await renderApp({ url: '/settings/inboxes', user: 'rep' });
    const { card, table } = await gmailForecast();
    const before = overRows(table).length;
    expect(before).toBeGreaterThan(0);

    await user.click(within(card).getByRole('button', { name: 'Spread' }));
    const dialog = await screen.findByRole('alertdialog', { name: `Spread the sends from ${GMAIL}?` });
    const moves = await within(dialog).findAllByRole('listitem');
    expect(moves[0]).toHaveTextContent(/^\d[\d,]* sends? from .+ to .+$/);
    await user.click(within(dialog).getByRole('button', { name: 'Spread' }));

    const notifications = await screen.findByRole('region', { name: 'Notifications' });
    const done = await within(notifications).findByText(/^Moved [\d,]+ sends?$/);
    const moved = done.textContent!.replace(/\D/g, '');
    // The dialog closed (the toast is an alert dialog of its own).
    await waitFor(() => expect(screen.queryByRole('alertdialog', { name: /^Spread the sends/ })).not.toBeInTheDocument());
    await within(card).findByText('Within the limit');
    expect(overRows((await gmailForecast()).table)).toHaveLength(0);

    const toasts = () => screen.findByRole('region', { name: 'Notifications' });
    await user.click(within(await toasts()).getByRole('button', { name: 'Undo' }));
    expect(
      await within(await toasts()).findByText(`Put ${Number(moved).toLocaleString('en')} sends back`, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await within(card).findByText(/sends over the limit$/);
    expect(overRows((await gmailForecast()).table)).toHaveLength(before);
  });

  it('refuses a stale preview and shows the new one to confirm', { timeout: 90_000 }, async () => {
    const { user, api } = await renderApp({ url: '/settings/inboxes', user: 'rep' });
    const { card } = await gmailForecast();
    await user.click(within(card).getByRole('button', { name: 'Spread' }));
    const dialog = await screen.findByRole('alertdialog', { name: `Spread the sends from ${GMAIL}?` });
    await within(dialog).findAllByRole('listitem');
    // Meanwhile one of the sends over the limit is changed.
    await api.db.query(
      `UPDATE enrollments SET version = version + 1
        WHERE id = (SELECT e.id FROM enrollments e
                      JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step
                      JOIN inboxes i ON i.id = e.inbox_id
                     WHERE i.address = $1 AND e.status = 'active' AND st.type IN ('automated_email', 'manual_email')
                     ORDER BY e.next_step_at DESC LIMIT 1 OFFSET 0)`,
      [GMAIL],
    );
    await user.click(within(dialog).getByRole('button', { name: 'Spread' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The schedule changed since this preview.');
    await within(dialog).findAllByRole('listitem');
    await user.click(within(dialog).getByRole('button', { name: 'Spread' }));
    const notifications = await screen.findByRole('region', { name: 'Notifications' });
    expect(await within(notifications).findByText(/^Moved [\d,]+ sends?$/)).toBeInTheDocument();
  });

  it('shows a failure with a retry that loads the forecast', async () => {
    const { user, api, router } = await renderApp({ url: '/sequences', user: 'rep' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    api.faults.failEndpoint('getSendForecast', 500);
    await router.navigate('/settings/inboxes');
    const section = await screen.findByRole('region', { name: 'Send forecast' });
    expect(await within(section).findByRole('alert')).toHaveTextContent("We couldn't load the send forecast.");
    api.faults.reset();
    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByRole('article', { name: GMAIL })).toBeInTheDocument();
  });

  it('is not offered to a marketer, who sends no sequence email', async () => {
    await renderApp({ url: '/settings/inboxes', user: 'marketer' });
    await screen.findByRole('heading', { name: 'You have no sending inboxes' });
    expect(screen.queryByRole('region', { name: 'Send forecast' })).not.toBeInTheDocument();
  });
});
