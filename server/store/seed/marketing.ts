// Phase 6, the plan: what marketing sent and when (a weekly newsletter, a weekly campaign, and a
// blast to each imported list the day after it came in; nothing after probation began), how
// large each send was, and the marketing emails the tool lists (phase 7).

import type { NotSentReason } from '../../../src/contract/codes';
import type { Contacts, SeedContext } from './context';
import { DAY, HOUR } from './datasets';
import { apportion, atHour, shortDate, upperBound } from './helpers';
import type { Random } from './random';
import { F_MARKETING } from './rules';
import { DRAFT_MARKETING_EMAILS, HELD_MARKETING_EMAILS } from './story';
import { CAMPAIGN_NAMES } from './vocabulary';

export interface MarketingSend {
  at: number;
  kind: 'newsletter' | 'campaign' | 'blast';
  name: string;
  weight: number;
  /** An imported list (contact id range) that this send goes to in full. */
  cohort?: readonly [number, number];
  incident?: { reason: NotSentReason; rate: number };
  size?: number;
  sentCount?: number;
}

export interface MarketingPlan {
  /** In time order, each with its size. */
  sends: MarketingSend[];
  /** Marketing contacts in order of creation: the audience at time t is a prefix. */
  marketing: number[];
  /** How many of `marketing` existed at `t`. */
  eligibleAt: (t: number) => number;
  /** Contacts sent to in the probation's health window (30 days without the last 48 h)… */
  windowAudience: number;
  /** …and how many of them came from the imported lists. */
  cohortInWindow: number;
}

/** Draws from `rng`, the marketing phase's stream, before the sends go out. */
export function planMarketing(ctx: SeedContext, rng: Random, contacts: Contacts, salesEvents: number): MarketingPlan {
  const { cfg, now } = ctx;
  const n = contacts.count;

  const marketing: number[] = [];
  for (let id = 1; id <= n; id++) if (contacts.flags[id]! & F_MARKETING) marketing.push(id);
  marketing.sort((a, b) => contacts.createdAt[a]! - contacts.createdAt[b]! || a - b);
  const createdSorted = Float64Array.from(marketing, (id) => contacts.createdAt[id]!);
  const eligibleAt = (t: number) => upperBound(createdSorted, t);

  let sends: MarketingSend[] = [];
  const firstDay = Math.floor(ctx.eventsFrom / DAY) * DAY;
  let campaignNo = 0;
  for (let day = firstDay + DAY; day < ctx.probationSince; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 2) {
      sends.push({ at: day + 9 * HOUR, kind: 'newsletter', name: `The Brightline Brief — ${shortDate(day)}`, weight: 0.9 });
    } else if (weekday === 4) {
      const name = CAMPAIGN_NAMES[campaignNo++ % CAMPAIGN_NAMES.length] as string;
      sends.push({ at: day + 15 * HOUR, kind: 'campaign', name, weight: rng.float(0.35, 0.6) });
    }
  }
  let importStart = n - cfg.imports.reduce((sum, i) => sum + i.size, 0) + 1;
  for (const imp of cfg.imports) {
    const at = atHour(now - imp.daysAgo * DAY, 14) + 20 * HOUR;
    sends.push({ at, kind: 'blast', name: `Intro offer — ${imp.name}`, weight: 0.12, cohort: [importStart, importStart + imp.size - 1] });
    importStart += imp.size;
  }
  sends = sends.filter((s) => s.at < ctx.probationSince);
  sends.sort((a, b) => a.at - b.at);

  // Incidents on older sends explain the account-side reasons for not sending.
  const older = sends.filter((s) => s.at < now - 60 * DAY);
  const incidents: Array<readonly [NotSentReason, number]> = [
    ['ACCOUNT_SEND_LIMIT', 0.08],
    ['CANCELLED_BY_USER', 0.05],
    ['ACCOUNT_SUSPENDED', 0.03],
    ['FROM_ADDRESS_INVALID', 0.02],
  ];
  for (const [reason, rate] of incidents) {
    const send = rng.pick(older);
    if (!send.incident) send.incident = { reason, rate };
  }

  // Audience sizes: the marketing share of the events, spread by weight, never more than
  // the contacts that existed at the time.
  const target = Math.max(0, cfg.emailEvents - salesEvents);
  const forced = sends.map((s) => (s.cohort ? s.cohort[1] - s.cohort[0] + 1 : 0));
  const caps = sends.map((s, i) => Math.max(0, eligibleAt(s.at) - (forced[i] as number)));
  const extra = apportion(
    Math.max(0, target - forced.reduce((a, b) => a + b, 0)),
    sends.map((s, i) => s.weight * (caps[i] as number)),
    caps,
  );
  sends.forEach((s, i) => (s.size = (extra[i] as number) + (forced[i] as number)));

  const windowFrom = now - 30 * DAY;
  const windowTo = now - 2 * DAY;
  const inWindow = sends.filter((s) => s.at >= windowFrom && s.at < windowTo);
  const windowAudience = inWindow.reduce((sum, s) => sum + (s.size ?? 0), 0);
  const cohortInWindow = inWindow.reduce((sum, s) => sum + (s.cohort ? s.cohort[1] - s.cohort[0] + 1 : 0), 0);
  return { sends, marketing, eligibleAt, windowAudience, cohortInWindow };
}

/** Phase 7: the marketing emails the tool lists: the latest sends, the ones held back by
 * probation, and drafts. */
export async function genMarketingEmails(ctx: SeedContext, sends: readonly MarketingSend[]): Promise<void> {
  const { now, out } = ctx;
  const rng = ctx.rng.fork('marketing-emails');
  const recent = sends.slice(-10);
  let id = 1;
  for (const s of recent) {
    await out.add('marketing_emails', {
      id: id++,
      name: s.name,
      status: 'sent',
      sentCount: s.sentCount ?? 0,
      scheduledAt: s.at,
      sentAt: s.at,
      createdAt: s.at - rng.int(2, 9) * DAY,
    });
  }
  for (const [i, name] of HELD_MARKETING_EMAILS.entries()) {
    const at = atHour(now + (2 + i * 3) * DAY, 9);
    await out.add('marketing_emails', { id: id++, name, status: 'scheduled', sentCount: 0, scheduledAt: at, sentAt: null, createdAt: now - rng.int(3, 12) * DAY });
  }
  for (const name of DRAFT_MARKETING_EMAILS) {
    await out.add('marketing_emails', { id: id++, name, status: 'draft', sentCount: 0, scheduledAt: null, sentAt: null, createdAt: now - rng.int(1, 20) * DAY });
  }
}
