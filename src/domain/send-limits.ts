import type { InboxProvider } from '../contract/codes';

/** Sales emails one connected inbox may send in a rolling 24 hours, by provider (docs/domain.md §6). */
export const DAILY_SEND_LIMIT: Readonly<Record<InboxProvider, number>> = {
  gmail: 350,
  google_workspace: 1000,
  office365: 1000,
  exchange: 1000,
  imap: 1000,
};

/** Sequences stop sending from an inbox at this share of its limit ("Send limit reached"). */
export const SEQUENCE_PAUSE_SHARE = 0.9;

export interface SendLimit {
  /** The provider's limit for 24 hours. */
  daily: number;
  /** How many sequence emails go out before steps show "Send limit reached". */
  sequencesPauseAt: number;
}

export function sendLimitOf(provider: InboxProvider): SendLimit {
  const daily = DAILY_SEND_LIMIT[provider];
  return { daily, sequencesPauseAt: Math.floor(daily * SEQUENCE_PAUSE_SHARE) };
}
