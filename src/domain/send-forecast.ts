// The send forecast and Spread (docs/domain.md §8). Pure: counts and scheduled sends in,
// judgements and moves out.

import { SEQUENCE_PAUSE_SHARE } from './send-limits';

/** Days the forecast shows, today first. */
export const FORECAST_DAYS = 7;
/** Days after today that Spread may move a send into: the forecast's week and one more. */
export const SPREAD_HORIZON_DAYS = 14;

/** How many sequence emails an inbox sends in a day before steps show "Send limit reached". */
export function pausePointOf(dailyLimit: number): number {
  return Math.floor(dailyLimit * SEQUENCE_PAUSE_SHARE);
}

/** Sends of a day beyond the pause point: they would fail with SEND_LIMIT_REACHED. */
export function overflowOf(scheduled: number, pausePoint: number): number {
  return Math.max(0, scheduled - pausePoint);
}

/** A scheduled send that would fail: its enrollment and the index of its day (0 = today). */
export interface OverflowSend {
  id: number;
  day: number;
}

export interface SpreadMove {
  id: number;
  from: number;
  to: number;
}

export interface SpreadPlan {
  moves: SpreadMove[];
  /** Overflowing sends with no day with room before the horizon: left where they are. */
  unplaced: number[];
}

/**
 * Moves each overflowing send to the first later day that has room under the pause point.
 * `loads[d]` is what day d holds now (everything scheduled, the overflow included); `overflow`
 * lists the sends beyond the pause point, earliest first. Earlier sends get the earlier days, a
 * day never receives more than it has room for, and no send moves backwards or within its day.
 */
export function planSpread(loads: readonly number[], pausePoint: number, overflow: readonly OverflowSend[]): SpreadPlan {
  const load = [...loads];
  const ordered = [...overflow].sort((a, b) => a.day - b.day);
  const moves: SpreadMove[] = [];
  const unplaced: number[] = [];
  // Sends come in day order, so the days a search passed over stay full for every later send.
  let firstFree = 0;
  for (const send of ordered) {
    let to = Math.max(send.day + 1, firstFree);
    while (to < load.length && (load[to] ?? 0) >= pausePoint) to++;
    if (to >= load.length) {
      unplaced.push(send.id);
      continue;
    }
    firstFree = to;
    load[to] = (load[to] ?? 0) + 1;
    load[send.day] = (load[send.day] ?? 0) - 1;
    moves.push({ id: send.id, from: send.day, to });
  }
  return { moves, unplaced };
}

/** The moves summed per pair of days, as a person reads them ("40 from Tuesday to Wednesday"). */
export function summarizeMoves(moves: readonly SpreadMove[]): Array<{ from: number; to: number; count: number }> {
  const byPair = new Map<string, { from: number; to: number; count: number }>();
  for (const m of moves) {
    const key = `${m.from}:${m.to}`;
    const entry = byPair.get(key) ?? { from: m.from, to: m.to, count: 0 };
    entry.count++;
    byPair.set(key, entry);
  }
  return [...byPair.values()].sort((a, b) => a.from - b.from || a.to - b.to);
}
