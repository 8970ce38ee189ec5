import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';

describe('health early warning', () => {
  it('says which rate is heading to its threshold, in about how many days, and what to do', async () => {
    await renderApp({ url: '/email-health', user: 'marketer' });
    const section = await screen.findByRole('region', { name: 'Early warning' });
    // The demo's unsubscribe rate has been rising over the last two weeks of the window (and
    // its click rate falling).
    const items = within(section).getAllByRole('listitem');
    const warning = items.find((li) => within(li).getByRole('heading', { level: 3 }).textContent?.trim().startsWith('Unsubscribe rate'));
    expect(warning).toBeDefined();
    expect(within(warning!).getByRole('heading', { level: 3 })).toHaveTextContent(
      /^Unsubscribe rate: at this pace it reaches 1% \(where it needs attention\) in about \d+ days?$/,
    );
    expect(warning).toHaveTextContent(/Now [\d.]+%; the daily rate has been rising by about [\d.]+% a day\./);
    // The same words as the health view's recommendation for that rate.
    expect(warning).toHaveTextContent('What to do: Keep more subscribers');
    expect(warning).toHaveTextContent('Send what people signed up for');
  });

  it('shows nothing when no rate is heading anywhere worse', async () => {
    const { api, router } = await renderApp({ url: '/sequences', user: 'marketer' });
    await screen.findByRole('heading', { level: 1, name: 'Sequences' });
    // Flatten the demo's rising unsubscribes and falling clicks over the trend's days: every
    // other rate is flat, improving, or already past its last threshold.
    await api.db.query(`UPDATE email_daily SET unsubscribes = 0, clicked = 0 WHERE kind = 'marketing' AND day >= '2026-11-01'`);
    await router.navigate('/email-health');
    expect(await screen.findByRole('region', { name: 'What to do first' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Early warning' })).not.toBeInTheDocument();
  });
});
