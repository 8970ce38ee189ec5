import type { EmailProblem, EnrollErrorCode } from '../contract/codes';
import type { AttentionRemedy, AttentionSkipReason } from '../contract/attention';
import { reenrollStep } from './enrollment-problems';

// Needs attention (docs/domain.md §10): which group an error belongs to, what fixes the group,
// and when re-enrolled contacts send again without taking an inbox over its daily limit.

export type AttentionCode = EnrollErrorCode | EmailProblem;

const SEND_REMEDY: Record<EmailProblem, AttentionRemedy> = {
  SEND_LIMIT_REACHED: 'reenroll-next-step',
  SEND_FAILURE: 'reenroll-this-step',
  // Once the inbox is connected again the step can go out as it was.
  INBOX_DISCONNECTED: 'reenroll-this-step',
  // Re-enrolling sends the step from the platform instead of Gmail: "enroll from the CRM instead".
  GMAIL_SEND_ERROR: 'reenroll-this-step',
};

const EMAIL_PROBLEMS: ReadonlySet<string> = new Set(Object.keys(SEND_REMEDY));

export function isSendProblem(code: AttentionCode): code is EmailProblem {
  return EMAIL_PROBLEMS.has(code);
}

/** What fixes a group: re-enrolling for a send problem; for an enrollment error, which
 * re-enrolling cannot fix, unenrolling to clean the sequence up. */
export function attentionRemedy(code: AttentionCode): AttentionRemedy {
  return isSendProblem(code) ? SEND_REMEDY[code] : 'unenroll';
}

/** Groups are by code; INBOX_DISCONNECTED is one group per inbox, since each inbox is
 * reconnected on its own. */
export function groupsByInbox(code: AttentionCode): boolean {
  return code === 'INBOX_DISCONNECTED';
}

export type AttentionReenrollDecision = { ok: true; step: number } | { ok: false; reason: AttentionSkipReason };

/**
 * Where one paused enrollment of a group continues when the group is re-enrolled, or why it is
 * skipped. SEND_LIMIT_REACHED and SEND_FAILURE follow the single re-enroll (docs/domain.md §2);
 * INBOX_DISCONNECTED and GMAIL_SEND_ERROR restart at this step too, once the inbox is connected.
 */
export function attentionReenroll(
  problem: EmailProblem,
  currentStep: number,
  totalSteps: number,
  inboxConnected: boolean,
): AttentionReenrollDecision {
  const asFailure = problem === 'INBOX_DISCONNECTED' || problem === 'GMAIL_SEND_ERROR' ? 'SEND_FAILURE' : problem;
  const d = reenrollStep(asFailure, currentStep, totalSteps, inboxConnected);
  if (d.ok) return d;
  return { ok: false, reason: d.reason === 'no-following-step' ? 'no-following-step' : 'inbox-disconnected' };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface InboxCapacity {
  /** Sequence sends the inbox may make in 24 hours: the pause point of docs/domain.md §6. */
  pauseAt: number;
  /** Steps already due from the inbox, per 24-hour window from now (index 0: due before now + 24 h,
   * overdue ones included). */
  load: readonly number[];
}

/**
 * When each re-enrolled contact's next step is due, so that no inbox sends more than its pause
 * point in any of the 24-hour windows that start now: each window takes what room its inbox
 * has left after the steps already due in it, the rest go to the next window, and within a
 * window the new steps are spread evenly over its 24 hours, after the room the due ones take.
 * Items keep their order, so the oldest problems go first.
 */
export function scheduleWithinLimits(
  items: readonly { id: number; inboxId: number }[],
  inboxes: ReadonlyMap<number, InboxCapacity>,
  now: Date,
): Map<number, Date> {
  const at = new Map<number, Date>();
  const cursor = new Map<number, { day: number; used: number }>();
  const start = now.getTime();
  for (const item of items) {
    const inbox = inboxes.get(item.inboxId);
    if (!inbox || inbox.pauseAt < 1) throw new Error(`no send limit for inbox ${item.inboxId}`);
    const slotMs = DAY_MS / inbox.pauseAt;
    let c = cursor.get(item.inboxId);
    if (!c) cursor.set(item.inboxId, (c = { day: 0, used: inbox.load[0] ?? 0 }));
    while (c.used >= inbox.pauseAt) {
      c.day += 1;
      c.used = inbox.load[c.day] ?? 0;
    }
    at.set(item.id, new Date(start + c.day * DAY_MS + Math.floor(c.used * slotMs)));
    c.used += 1;
  }
  return at;
}
