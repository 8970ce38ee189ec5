import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLanguage, i18n } from '../i18n/i18n';
import { AppLocale } from '../ui/app-locale';
import { DateRangeField, type DateRange } from '../ui/date-range-field';
import { createToastQueue } from '../ui/toast-queue';
import { Providers } from './providers';

function Dates() {
  const [range, setRange] = useState<DateRange>({});
  return (
    <>
      <DateRangeField legend="Sent" fromLabel="From" toLabel="To" hint="Both included" {...range} onChange={(patch) => setRange((r) => ({ ...r, ...patch }))} />
      <output aria-label="Range">{`${range.from ?? ''}..${range.to ?? ''}`}</output>
    </>
  );
}

function renderDates() {
  return render(
    <Providers queryClient={new QueryClient()} toasts={createToastQueue()}>
      {/* As the signed-in frame (layout.tsx) gives every page. */}
      <AppLocale>
        <Dates />
      </AppLocale>
    </Providers>,
  );
}

/** The date segments of one end of the range, as a screen reader lists them: "year 2026", … */
function segments(label: string): string[] {
  return within(screen.getByRole('group', { name: label }))
    .getAllByRole('spinbutton')
    .map((s) => s.getAttribute('aria-label') ?? '');
}

/** What the field shows, literals included, e.g. "2026-11-05". */
const shown = (label: string) => screen.getByRole('group', { name: label }).textContent?.replace(/[\u2066-\u2069\u200e]/g, '');

describe('dates in the language of the app', () => {
  afterEach(async () => {
    await act(() => chooseLanguage('en'));
  });

  it('orders and formats the date segments as the chosen language does, not the browser', async () => {
    const user = userEvent.setup();
    await act(() => chooseLanguage('en'));
    renderDates();
    expect(segments('From').map((s) => s.split(',')[0])).toEqual(['month', 'day', 'year']);

    // Swedish: year, month, day, with hyphens; typed by keyboard alone.
    await act(() => chooseLanguage('sv'));
    expect(i18n.language).toBe('sv');
    expect(segments('From').map((s) => s.split(',')[0])).toEqual(['år', 'månad', 'dag']);
    await user.tab();
    expect(within(screen.getByRole('group', { name: 'From' })).getAllByRole('spinbutton')[0]).toHaveFocus();
    await user.keyboard('20261105');
    expect(shown('From')).toBe('2026-11-05');
    expect(screen.getByRole('status', { name: 'Range' })).toHaveTextContent('2026-11-05..');

    // Polish: day, month, year, with dots; the same date.
    await act(() => chooseLanguage('pl'));
    expect(segments('From').map((s) => s.split(',')[0])).toEqual(['dzień', 'miesiąc', 'rok']);
    expect(shown('From')).toBe('5.11.2026');

    // And the other end, typed in Polish order.
    const to = within(screen.getByRole('group', { name: 'To' })).getAllByRole('spinbutton');
    for (let i = 0; i < 6 && document.activeElement !== to[0]; i++) await user.tab();
    expect(to[0]).toHaveFocus();
    await user.keyboard('30112026');
    expect(shown('To')).toBe('30.11.2026');
    expect(screen.getByRole('status', { name: 'Range' })).toHaveTextContent('2026-11-05..2026-11-30');
  });
});
