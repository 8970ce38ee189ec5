// Small helpers of the seed: sharing out totals, times of day, and names turned into addresses.

import { DAY, HOUR, MINUTE } from './datasets';
import type { Random } from './random';
import { ACCOUNT_DOMAIN } from './story';
import { MONTHS } from './vocabulary';

/** Splits `total` into integer parts proportional to `weights`, each at most its cap, summing
 * to exactly `total` when the caps allow (water-filling, then largest remainders). */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const cap = (i: number) => caps?.[i] ?? Infinity;
  const share = new Array<number>(n).fill(0);
  const open = new Set<number>();
  for (let i = 0; i < n; i++) if ((weights[i] as number) > 0 && cap(i) > 0) open.add(i);
  let remaining = total;
  for (;;) {
    const sum = [...open].reduce((s, i) => s + (weights[i] as number), 0);
    if (sum <= 0 || remaining <= 0) break;
    let clamped = false;
    for (const i of [...open]) {
      if ((remaining * (weights[i] as number)) / sum > cap(i)) {
        share[i] = cap(i);
        remaining -= cap(i);
        open.delete(i);
        clamped = true;
      }
    }
    if (!clamped) {
      for (const i of open) share[i] = (remaining * (weights[i] as number)) / sum;
      break;
    }
  }
  const parts = share.map((s) => Math.floor(s));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = share.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    if ((parts[i] as number) < cap(i) && open.has(i)) {
      parts[i] = (parts[i] as number) + 1;
      left--;
    }
  }
  return parts;
}

/** Index of the first element greater than `value` in a sorted array. */
export function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** The given day at `hour`:00 UTC. */
export function atHour(t: number, hour: number): number {
  return Math.floor(t / DAY) * DAY + hour * HOUR;
}

/** People work on weekdays, in office hours: move most times there, within [lo, hi]. */
export function nudgeToWorkHours(rng: Random, t: number, lo: number, hi: number): number {
  if (!rng.chance(0.85)) return t;
  let day = Math.floor(t / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += rng.chance(0.5) ? -DAY : 2 * DAY;
  else if (weekday === 0) day += rng.chance(0.5) ? -2 * DAY : DAY;
  const moved = day + rng.int(7 * 60, 17 * 60) * MINUTE + rng.int(0, 59) * 1000;
  return moved >= lo && moved <= hi ? moved : t;
}

export function shortDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

const FOLD: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd' };

/** Lowercase ASCII letters and digits only: for email local parts and domains. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁæÆßđ]/g, (m) => FOLD[m] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function personEmail(fullName: string): string {
  const [first = '', ...rest] = fullName.split(' ');
  return `${slug(first)}.${slug(rest.join(''))}@${ACCOUNT_DOMAIN}`;
}
