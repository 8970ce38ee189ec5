// Phase 6, the sends: every marketing email sent or not sent (docs/domain.md §3), and what it
// taught us about the contacts. The imported lists are what put the account on probation
// (docs/domain.md §5, §6): enough of their addresses are bad for the hard-bounce rate of the
// health window (30 days without the last 48 h) to land near 6.5%.

import type { NotSentReason } from '../../../src/contract/codes';
import type { Contacts, SeedContext } from './context';
import { DAY } from './datasets';
import type { SalesHistory } from './enrollments';
import { clamp } from './helpers';
import { planMarketing, type MarketingSend } from './marketing';
import type { Random } from './random';
import {
  F_BLOCKED_ADDRESS,
  F_BLOCKED_DOMAIN,
  F_BOUNCED_GLOBAL,
  F_BOUNCED_PORTAL,
  F_COMPANY_OPTED_OUT,
  F_IMPORTED,
  F_INVALID,
  F_ROLE_BASED,
  F_SPAM,
  F_SUPPRESSED,
  F_UNSUB_ALL,
  MAILBOX_PROVIDERS,
  MARKETING_SENDER_FAILURES,
  type MailboxProvider,
} from './rules';
import { CONTACT_FLAGS, type ContactFlagsRow } from './tables';

// Per-contact state that marketing email changes.
const BOUNCED = 1;
const UNSUBSCRIBED_ALL = 2;
const REPORTED_SPAM = 3;
const UNSUBSCRIBED_NEWSLETTER = 4;

/** The hard-bounce rate of addresses that are not from the imported lists. */
const BASE_HARD = 0.004;

export async function genMarketingEvents(ctx: SeedContext, contacts: Contacts, sales: SalesHistory): Promise<MarketingSend[]> {
  const rng = ctx.rng.fork('marketing');
  const n = contacts.count;
  const { sends, marketing, eligibleAt, windowAudience, cohortInWindow } = planMarketing(ctx, rng, contacts, sales.salesEvents);

  // The share of bad addresses in the imported lists is set at the first blast, from how much
  // of an audience actually got sent to so far.
  let badShare = -1;
  let audienceSoFar = 0;
  let sentSoFar = 0;

  const state = new Uint8Array(n + 1);
  const stamp = new Int32Array(n + 1);
  const scratch = new Int32Array(marketing.length);
  const lowEngagementBefore = ctx.now - 180 * DAY;

  for (const [index, send] of sends.entries()) {
    const sendNo = index + 1;
    const size = send.size ?? 0;
    if (send.cohort && badShare < 0) {
      const windowSent = windowAudience * (audienceSoFar ? sentSoFar / audienceSoFar : 0.9);
      badShare = clamp((0.065 * windowSent - BASE_HARD * windowSent * 0.75) / cohortInWindow, 0.05, 0.85);
    }
    const eligible = eligibleAt(send.at);
    const audience: number[] = [];
    if (send.cohort) for (let c = send.cohort[0]; c <= send.cohort[1]; c++) audience.push(c);
    for (const c of audience) stamp[c] = sendNo;
    // Partial Fisher–Yates over the eligible prefix: a uniform sample without repeats. Lists
    // mostly leave out contacts that cannot be emailed, as long as the send can still fill.
    for (let i = 0; i < eligible; i++) scratch[i] = marketing[i]!;
    let remaining = eligible;
    while (audience.length < size && remaining > 0) {
      const j = Math.floor(rng.next() * remaining);
      const c = scratch[j]!;
      scratch[j] = scratch[--remaining]!;
      if (stamp[c] === sendNo) continue;
      const suppressed = contacts.flags[c]! & F_SUPPRESSED || (state[c]! > 0 && state[c]! < UNSUBSCRIBED_NEWSLETTER);
      if (suppressed && remaining >= size - audience.length && rng.chance(0.75)) continue;
      stamp[c] = sendNo;
      audience.push(c);
    }
    audienceSoFar += audience.length;

    let sentCount = 0;
    for (const c of audience) {
      const flags = contacts.flags[c]!;
      const st = state[c]!;
      const at = send.at + rng.int(0, 25 * 60) * 1000;
      const event = { occurredAt: at, kind: 'marketing', contactId: c, enrollmentId: null, provider: MAILBOX_PROVIDERS[contacts.provider[c]!] as MailboxProvider } as const;
      const reason = notSentReason(rng, contacts, send, c, st, lowEngagementBefore);
      if (reason) {
        await ctx.out.add('email_events', {
          id: ctx.nextEventId++,
          ...event,
          sent: false,
          notSentReason: reason,
          delivered: false,
          bounce: null,
          opened: false,
          clicked: false,
          spamReported: false,
          unsubscribed: false,
        });
        continue;
      }

      sentCount++;
      // Outcomes that change the contact's state only reach contacts outside any sequence,
      // so that no one active in a sequence turns out to be unsubscribed or bounced.
      const free = sales.currentSequence[c] === 0;
      const imported = !!(flags & F_IMPORTED);
      let bounce: 'hard' | 'soft' | null = null;
      let opened = false;
      let clicked = false;
      let spam = false;
      let unsub = false;
      if (free && (send.cohort && c >= send.cohort[0] && c <= send.cohort[1] ? rng.chance(badShare) : rng.chance(BASE_HARD))) {
        bounce = 'hard';
        state[c] = BOUNCED;
      } else if (rng.chance(imported ? 0.03 : 0.012)) {
        bounce = 'soft';
      } else {
        const engaged = contacts.engagedAt[c]! >= lowEngagementBefore;
        opened = rng.chance(imported ? 0.09 : engaged ? 0.36 : 0.17);
        clicked = opened && rng.chance(0.04);
        if (free && rng.chance(imported ? 0.012 : 0.0032)) {
          unsub = true;
          state[c] = send.kind === 'newsletter' && rng.chance(0.4) ? UNSUBSCRIBED_NEWSLETTER : UNSUBSCRIBED_ALL;
        } else if (free && rng.chance(imported ? 0.002 : 0.0002)) {
          spam = true;
          state[c] = REPORTED_SPAM;
        }
      }
      await ctx.out.add('email_events', {
        id: ctx.nextEventId++,
        ...event,
        sent: true,
        notSentReason: null,
        delivered: bounce === null,
        bounce,
        opened,
        clicked,
        spamReported: spam,
        unsubscribed: unsub,
      });
    }
    send.sentCount = sentCount;
    sentSoFar += sentCount;
  }
  await ctx.out.flush('email_events');

  // What marketing email taught us about contacts goes back onto them.
  // (Only contacts that could be sent to change state, so their address was 'valid'.)
  const changed: ContactFlagsRow[] = [];
  for (let c = 1; c <= n; c++) {
    const st = state[c]!;
    if (st === 0 || st === UNSUBSCRIBED_NEWSLETTER) continue;
    changed.push({
      id: c,
      addressStatus: st === BOUNCED ? 'bounced' : 'valid',
      bouncedPortal: st === BOUNCED,
      spamReported: st === REPORTED_SPAM,
      unsubscribedAll: st === UNSUBSCRIBED_ALL,
    });
  }
  await ctx.out.update(CONTACT_FLAGS, changed);
  ctx.progress(`email events: ${(ctx.nextEventId - 1).toLocaleString('en')}`);
  return sends;
}

/** Why a marketing email to contact `c` was not sent, or null if it was. */
function notSentReason(rng: Random, contacts: Contacts, send: MarketingSend, c: number, st: number, lowEngagementBefore: number): NotSentReason | null {
  const flags = contacts.flags[c]!;
  if (flags & F_UNSUB_ALL || st === UNSUBSCRIBED_ALL) return 'UNSUBSCRIBED_ALL';
  if (st === UNSUBSCRIBED_NEWSLETTER && send.kind === 'newsletter') return 'UNSUBSCRIBED_TYPE';
  if (flags & F_BOUNCED_PORTAL || st === BOUNCED) return 'PREVIOUSLY_BOUNCED';
  if (flags & F_SPAM || st === REPORTED_SPAM) return 'PREVIOUSLY_MARKED_SPAM';
  if (flags & F_BOUNCED_GLOBAL) return 'BOUNCED_GLOBALLY';
  if (flags & F_BLOCKED_ADDRESS) return 'BLOCKED_BY_RECIPIENT_OR_SPAM_TRAP';
  if (flags & F_BLOCKED_DOMAIN) return 'RECIPIENT_DOMAIN_BLOCKED';
  if (flags & F_COMPANY_OPTED_OUT) return 'COMPANY_OPTED_OUT';
  if (flags & F_INVALID) return 'RECIPIENT_INVALID';
  if (flags & F_ROLE_BASED) return 'TO_ADDRESS_INVALID';
  if (!(flags & F_IMPORTED) && send.at - contacts.createdAt[c]! < 3 * DAY && rng.chance(0.4)) return 'DOUBLE_OPT_IN_PENDING';
  if (!(flags & F_IMPORTED) && !(contacts.engagedAt[c]! >= lowEngagementBefore) && rng.chance(0.03)) return 'LOW_ENGAGEMENT';
  if (send.incident && rng.chance(send.incident.rate)) return send.incident.reason;
  const r = rng.next();
  if (r < 0.002) return 'FREQUENCY_CAP';
  if (r < 0.0035) return 'MAILBOX_FULL';
  if (r < 0.0042) return rng.pick(MARKETING_SENDER_FAILURES);
  return null;
}
