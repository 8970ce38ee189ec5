// The kinds of enrollment the history is made of: active (scheduled), paused by a send problem,
// finished, unenrolled for a reason, failed with an enrollment error (docs/domain.md §1, §2, §4).
// Each returns the enrollment to write, placed in time within its sequence's life.

import type { EnrollErrorCode, NotSentReason, UnenrollReason } from '../../../src/contract/codes';
import type { InboxInfo, SequenceInfo, StepInfo } from './context';
import { DAY, HOUR, MINUTE } from './datasets';
import { nudgeToWorkHours } from './helpers';
import type { Random } from './random';
import { EMAIL_PROBLEM_WEIGHTS, ERROR_FLAG, F_BOUNCED_PORTAL, F_UNSUB_SALES, REPLY_REASONS, SEND_FAILURE_REASONS, isEmail } from './rules';
import { blank, deliveredEmails, drawContact, horizonFor, inboxFor, place, type Enrollment, type SalesState } from './sales-state';

/** Active at step k: the next step is scheduled in the future (the Scheduled tab). With
 * `horizon` in the past, "what was active then" (for deleted / removed sequences). */
export function makeActive(s: SalesState, rng: Random, seq: SequenceInfo, contact: number, by: number, horizon = s.ctx.now): Enrollment {
  const e = blank(seq, contact, by);
  e.inbox = inboxFor(s, rng, by);
  const n = seq.steps.length;
  let k = Math.min(n, 1 + Math.floor(Math.pow(rng.next(), 1.4) * n));
  const lower = Math.max(seq.createdAt, s.ctx.windowStart);
  let next = 0;
  for (; k >= 1; k--) {
    const delay = seq.offsets[k - 1]! - (k > 1 ? seq.offsets[k - 2]! : 0);
    next = horizon + rng.float(10 * MINUTE, Math.max(delay, 20 * HOUR));
    e.enrolledAt = next - seq.offsets[k - 1]!;
    if (k === 1) e.enrolledAt = horizon - rng.float(10 * MINUTE, 20 * HOUR);
    if (e.enrolledAt >= lower) break;
  }
  e.step = Math.max(1, k);
  e.nextStepAt = next;
  e.lastActivityAt = e.step > 1 ? e.enrolledAt + seq.offsets[e.step - 2]! : e.enrolledAt;
  e.emailsSent = seq.emailsBefore[e.step]!;
  engage(rng, e);
  return e;
}

/** Paused at an email step that could not be sent (docs/domain.md §2). */
export function makePaused(s: SalesState, rng: Random, seq: SequenceInfo, contact: number, by: number): Enrollment {
  const e = blank(seq, contact, by);
  e.status = 'paused';
  let problem = rng.weighted(EMAIL_PROBLEM_WEIGHTS);
  if (problem === 'INBOX_DISCONNECTED') {
    e.inbox = inboxFor(s, rng, by, 'disconnected');
    if (!e.inbox) problem = 'SEND_LIMIT_REACHED';
  } else if (problem === 'GMAIL_SEND_ERROR') {
    // Enrolled from the Gmail extension: Gmail itself sends the first step.
    e.inbox = inboxFor(s, rng, by, 'google');
    if (!e.inbox) problem = 'SEND_FAILURE';
  }
  e.inbox ??= inboxFor(s, rng, by);
  e.emailError = problem;
  const emailSteps = seq.steps.filter((step) => isEmail(step.type)).map((step) => step.position);
  let k = problem === 'GMAIL_SEND_ERROR' ? 1 : rng.pick(emailSteps);
  const lower = Math.max(seq.createdAt, s.ctx.windowStart);
  let failedAt = rng.timeBetween(s.ctx.now - 25 * DAY, s.ctx.now - 30 * MINUTE);
  if (failedAt - seq.offsets[k - 1]! < lower) k = 1;
  if (failedAt - seq.offsets[k - 1]! < lower) failedAt = lower + seq.offsets[0]! + HOUR;
  e.step = k;
  e.enrolledAt = failedAt - seq.offsets[k - 1]!;
  e.lastActivityAt = failedAt;
  e.emailsSent = seq.emailsBefore[k]!;
  const provider = (e.inbox as InboxInfo).provider;
  const reason: NotSentReason =
    problem === 'SEND_LIMIT_REACHED'
      ? 'PROVIDER_RATE_LIMIT'
      : problem === 'INBOX_DISCONNECTED'
        ? 'INBOX_CONNECTION_FAILED'
        : problem === 'GMAIL_SEND_ERROR'
          ? 'UNDETERMINED'
          : rng.weighted(
              SEND_FAILURE_REASONS[provider === 'office365' || provider === 'exchange' ? 'microsoft' : provider === 'imap' ? 'imap' : 'google'],
            );
  e.notSent = { at: failedAt, reason };
  engage(rng, e);
  return e;
}

export function makeFinished(s: SalesState, rng: Random, seq: SequenceInfo, by: number): Enrollment {
  const e = blank(seq, 0, by);
  e.contact = drawContact(s, rng, seq, null);
  e.inbox = inboxFor(s, rng, by);
  e.status = 'finished';
  const n = seq.steps.length;
  const total = seq.offsets[n - 1]!;
  if (!place(s, rng, e, total, horizonFor(s, seq, by))) return makeFailed(s, rng, seq, by, 'UNSUBSCRIBED_PERSONAL');
  e.step = n;
  e.unenrollReason = 'FINISHED';
  e.unenrolledAt = e.lastActivityAt = e.enrolledAt + total;
  e.emailsSent = seq.emailsBefore[n + 1]!;
  engage(rng, e);
  return e;
}

export function makeUnenrolled(s: SalesState, rng: Random, seq: SequenceInfo, by: number, wanted: UnenrollReason): Enrollment {
  let reason = wanted;
  const e = blank(seq, 0, by);
  e.status = 'unenrolled';
  e.inbox = inboxFor(s, rng, by);
  const n = seq.steps.length;
  // Contacts reply or book after the first emails far more often than late. A bounce comes
  // back within minutes of the first email and ends the enrollment there.
  const k = reason === 'BOUNCED' ? 2 : Math.min(n, 2 + Math.floor(Math.pow(rng.next(), 2) * (n - 1)));
  const offset =
    reason === 'BOUNCED'
      ? seq.offsets[0]! + rng.float(MINUTE, 2 * HOUR)
      : seq.offsets[k - 2]! + rng.float(0.05, 0.95) * (seq.offsets[k - 1]! - seq.offsets[k - 2]!);
  let latest = horizonFor(s, seq, by);
  if (reason === 'WORKFLOW') latest = Math.min(latest, s.ctx.now - 120 * DAY); // an old enterprise trial
  let at = 0;
  if (reason === 'BULK') {
    const batch = rng.pick(seq.bulkBatches);
    e.enrolledAt = batch.at - offset;
    if (e.enrolledAt >= Math.max(seq.createdAt, s.ctx.windowStart) && batch.at <= latest) {
      at = batch.at;
      e.unenrolledBy = batch.by;
    } else reason = 'MANUAL';
  }
  if (!at) {
    if (!place(s, rng, e, offset, latest)) return makeFinished(s, rng, seq, by);
    at = e.enrolledAt + offset;
  }
  e.contact = drawContact(s, rng, seq, reason === 'UNSUBSCRIBED' ? F_UNSUB_SALES : reason === 'BOUNCED' ? F_BOUNCED_PORTAL : null);
  if (reason === 'MANUAL') {
    // A rep can only unenroll what they enrolled; the manager anything.
    e.unenrolledBy = rng.chance(0.7) ? by : s.people.demo.manager;
    if (rng.chance(0.25) && isEmail((seq.steps[k - 1] as StepInfo).type)) e.notSent = { at, reason: 'CANCELLED_BY_USER' };
  }
  e.step = k;
  e.unenrollReason = reason;
  e.unenrolledAt = e.lastActivityAt = at;
  e.emailsSent = seq.emailsBefore[k]!;
  if (reason === 'BOUNCED') e.lastEmail = 'hard';
  if (reason === 'UNSUBSCRIBED') e.lastEmail = 'unsubscribed';
  if (REPLY_REASONS.has(reason)) e.replied = true;
  if (reason === 'MEETING_BOOKED') {
    e.meeting = true;
    e.replied = rng.chance(0.6);
  }
  engage(rng, e);
  return e;
}

export function makeFailed(s: SalesState, rng: Random, seq: SequenceInfo, by: number, wanted: EnrollErrorCode): Enrollment {
  let code = wanted;
  // Nothing is in progress in a deleted / orphaned sequence to collide with.
  if (code === 'ALREADY_ENROLLED' && (seq.special || !s.activeContacts.length)) code = 'UNSUBSCRIBED_PERSONAL';
  const flag = ERROR_FLAG[code];
  if (flag !== undefined && !s.contacts.flagPools.get(flag)?.length) code = 'OTHER_SEND_REJECTED';
  const e = blank(seq, 0, by);
  e.status = 'failed';
  e.enrollError = code;
  e.inbox = inboxFor(s, rng, by);
  const latest = horizonFor(s, seq, by);
  if (code === 'ALREADY_ENROLLED') {
    // Tried after the contact entered the other sequence, which they are still active in.
    for (let attempt = 0; attempt < 20; attempt++) {
      const contact = rng.pick(s.activeContacts);
      const since = s.currentSince[contact]! + HOUR;
      if (s.currentSequence[contact] === seq.id || since >= latest - MINUTE) continue;
      e.contact = contact;
      e.related = s.currentSequence[contact]!;
      e.enrolledAt = nudgeToWorkHours(rng, rng.timeBetween(since, latest - MINUTE), since, latest - MINUTE);
      e.lastActivityAt = e.enrolledAt;
      return e;
    }
    code = e.enrollError = 'UNSUBSCRIBED_PERSONAL';
  }
  if (code === 'OTHER_SEND_REJECTED') {
    // The provider rejected one of the sequence's emails; nothing more can be sent, so the
    // enrollment stops at the step after it.
    const n = seq.steps.length;
    const emailSteps = seq.steps.filter((step) => isEmail(step.type)).map((step) => step.position);
    const p = emailSteps[Math.min(emailSteps.length - 1, Math.floor(Math.pow(rng.next(), 2) * emailSteps.length))]!;
    if (place(s, rng, e, seq.offsets[p - 1]!, latest)) {
      e.contact = drawContact(s, rng, seq, null);
      e.step = Math.min(n, p + 1);
      e.emailsSent = seq.emailsBefore[p]! + 1;
      e.lastActivityAt = e.enrolledAt + seq.offsets[p - 1]!;
      e.lastEmail = 'soft';
      return e;
    }
    code = e.enrollError = 'UNSUBSCRIBED_PERSONAL';
  }
  e.contact = drawContact(s, rng, seq, ERROR_FLAG[code] ?? null);
  if (!place(s, rng, e, 0, latest)) e.enrolledAt = Math.max(seq.createdAt, s.ctx.windowStart);
  e.lastActivityAt = e.enrolledAt;
  return e;
}

/** Opens and clicks, by how good the sequence is and how many emails went out. */
function engage(rng: Random, e: Enrollment): void {
  const delivered = deliveredEmails(e);
  if (delivered === 0) return;
  const q = e.seq.quality;
  e.opened = e.replied || e.meeting || e.lastEmail === 'unsubscribed' || rng.chance(1 - Math.pow(1 - 0.2 * q, delivered));
  e.clicked = e.opened && rng.chance(0.1 * q + (e.meeting ? 0.3 : 0));
}
