import { describe, expect, it } from 'vitest';
import { InboxProvider } from '../contract/codes';
import { sendLimitOf } from './send-limits';

describe('send limits per connected inbox', () => {
  it.each([
    ['gmail', 350, 315],
    ['google_workspace', 1000, 900],
    ['office365', 1000, 900],
    ['exchange', 1000, 900],
    ['imap', 1000, 900],
  ] as const)('%s: %i a day, sequences pause at %i', (provider, daily, pauseAt) => {
    expect(sendLimitOf(provider)).toEqual({ daily, sequencesPauseAt: pauseAt });
  });

  it('knows every provider an inbox can have', () => {
    for (const provider of InboxProvider.options) expect(sendLimitOf(provider).daily).toBeGreaterThan(0);
  });
});
