// What the enrollment phase keeps track of while it writes the sales history: who is in a
// sequence now, which contacts a sequence has drawn, and the enrollment being built.

import type { EmailProblem, EnrollErrorCode, NotSentReason, UnenrollReason } from '../../../src/contract/codes';
import type { Contacts, InboxInfo, People, SeedContext, SequenceInfo } from './context';
import { MINUTE } from './datasets';
import { nudgeToWorkHours } from './helpers';
import type { Random } from './random';
import type { Status } from './rules';

export interface SalesState {
  readonly ctx: SeedContext;
  readonly people: People;
  readonly contacts: Contacts;
  /** The sequence a contact is currently active (or paused) in, 0 when none. */
  readonly currentSequence: Int32Array;
  readonly currentSince: Float64Array;
  /** Marks contacts already drawn for the sequence being generated (value = sequence id). */
  readonly drawnFor: Int32Array;
  readonly activeContacts: number[];
  nextEnrollmentId: number;
  /** Sales email events written: marketing email fills the rest of the events. */
  salesEvents: number;
}

export function createSalesState(ctx: SeedContext, people: People, contacts: Contacts): SalesState {
  const n = contacts.count;
  return {
    ctx,
    people,
    contacts,
    currentSequence: new Int32Array(n + 1),
    currentSince: new Float64Array(n + 1),
    drawnFor: new Int32Array(n + 1),
    activeContacts: [],
    nextEnrollmentId: 1,
    salesEvents: 0,
  };
}

/** An enrollment being built, before it is written. */
export interface Enrollment {
  id: number;
  seq: SequenceInfo;
  contact: number;
  by: number;
  inbox: InboxInfo | null;
  status: Status;
  step: number;
  enrollError: EnrollErrorCode | null;
  emailError: EmailProblem | null;
  related: number | null;
  unenrollReason: UnenrollReason | null;
  unenrolledBy: number | null;
  unenrolledAt: number | null;
  enrolledAt: number;
  lastActivityAt: number | null;
  nextStepAt: number | null;
  emailsSent: number;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
  meeting: boolean;
  /** How the last email sent ended. */
  lastEmail: 'delivered' | 'hard' | 'soft' | 'unsubscribed';
  /** An email the platform did not send (a paused step, a cancelled or orphaned one). */
  notSent: { at: number; reason: NotSentReason } | null;
}

export function blank(seq: SequenceInfo, contact: number, by: number): Enrollment {
  return {
    id: 0,
    seq,
    contact,
    by,
    inbox: null,
    status: 'active',
    step: 1,
    enrollError: null,
    emailError: null,
    related: null,
    unenrollReason: null,
    unenrolledBy: null,
    unenrolledAt: null,
    enrolledAt: 0,
    lastActivityAt: null,
    nextStepAt: null,
    emailsSent: 0,
    opened: false,
    clicked: false,
    replied: false,
    meeting: false,
    lastEmail: 'delivered',
    notSent: null,
  };
}

/** Emails that reached the inbox: a bounced or rejected last email did not. */
export function deliveredEmails(e: Enrollment): number {
  return e.emailsSent - (e.lastEmail === 'hard' || e.lastEmail === 'soft' ? 1 : 0);
}

/** A contact for a history row of `seq`: from the pool for `flag` (or the clean pool), not
 * one already drawn for this sequence when that can be avoided. */
export function drawContact(s: SalesState, rng: Random, seq: SequenceInfo, flag: number | null): number {
  const pool = flag === null ? s.contacts.salesPool : (s.contacts.flagPools.get(flag) ?? s.contacts.salesPool);
  let contact = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    contact = pool[Math.floor(rng.next() * pool.length)] as number;
    if (s.drawnFor[contact] !== seq.id) break;
  }
  s.drawnFor[contact] = seq.id;
  return contact;
}

export function inboxFor(s: SalesState, rng: Random, userId: number, want?: 'disconnected' | 'google'): InboxInfo | null {
  const user = userOf(s, userId);
  if (want === 'disconnected') return user.inboxes.find((i) => !i.connected) ?? null;
  if (want === 'google') return user.inboxes.find((i) => i.connected && (i.provider === 'gmail' || i.provider === 'google_workspace')) ?? null;
  const connected = user.inboxes.filter((i) => i.connected);
  const list = connected.length ? connected : user.inboxes;
  // The first inbox is the main one.
  return (list.length > 1 && rng.chance(0.25) ? list[1] : list[0]) ?? null;
}

/** The last moment `by` can have done something in `seq`. */
export function horizonFor(s: SalesState, seq: SequenceInfo, by: number): number {
  return Math.min(seq.horizon, userOf(s, by).removedAt, s.ctx.now);
}

/** Places an enrollment so that something `offset` ms after enrolling happens before
 * `latest`, never before the sequence (or the history) began. Returns false if it cannot. */
export function place(s: SalesState, rng: Random, e: Enrollment, offset: number, latest: number): boolean {
  const lower = Math.max(e.seq.createdAt, s.ctx.windowStart);
  const upper = latest - offset - MINUTE;
  if (upper <= lower) return false;
  e.enrolledAt = nudgeToWorkHours(rng, rng.timeBetween(lower, upper), lower, upper);
  return true;
}

function userOf(s: SalesState, id: number) {
  const user = s.people.byId.get(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}
