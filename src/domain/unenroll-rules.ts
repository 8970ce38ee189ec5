import type { EnrollmentStatus, Plan, UnenrollReason } from '../contract/codes';
import type { ActivityEvent, KeepReason, MailClient, UnenrollScope } from '../contract/integrations';

// Automatic unenrollment (docs/domain.md §4). Rule 10 (finished the last step) is applied where a
// step is completed, not here: it is not an event from outside.

/**
 * Out-of-office detection, as data: whether an auto-reply written by `sendingClient` and
 * received in a `receivingInbox` is recognised from the mail server's response code.
 * Recognised: the contact stays enrolled. Not recognised: it looks like a reply and the contact
 * is unenrolled as if they replied.
 *
 * docs/domain.md names four pairs; for every other pair "clients vary" and users should read the
 * replies themselves. We cannot tell those apart, so we treat them as not recognised: stopping
 * a sequence to someone who may have written back is the safe mistake (the reply shows up in the
 * user's inbox and they can re-enroll); mailing on to someone who replied is the harmful one.
 */
export const OUT_OF_OFFICE_MATRIX: ReadonlyArray<{
  sendingClient: MailClient;
  receivingInbox: MailClient;
  recognised: boolean;
  source: 'documented' | 'unknown';
}> = [
  { sendingClient: 'gmail', receivingInbox: 'gmail', recognised: true, source: 'documented' },
  { sendingClient: 'outlook', receivingInbox: 'gmail', recognised: true, source: 'documented' },
  { sendingClient: 'outlook', receivingInbox: 'outlook', recognised: true, source: 'documented' },
  { sendingClient: 'gmail', receivingInbox: 'outlook', recognised: false, source: 'documented' },
  { sendingClient: 'gmail', receivingInbox: 'other', recognised: false, source: 'unknown' },
  { sendingClient: 'outlook', receivingInbox: 'other', recognised: false, source: 'unknown' },
  { sendingClient: 'other', receivingInbox: 'gmail', recognised: false, source: 'unknown' },
  { sendingClient: 'other', receivingInbox: 'outlook', recognised: false, source: 'unknown' },
  { sendingClient: 'other', receivingInbox: 'other', recognised: false, source: 'unknown' },
];

/** Whether an auto-reply from `sending` into a `receiving` inbox is recognised as out of office. */
export function outOfOfficeRecognised(sending: MailClient, receiving: MailClient): boolean {
  return OUT_OF_OFFICE_MATRIX.some((r) => r.sendingClient === sending && r.receivingInbox === receiving && r.recognised);
}

/** The facts about one enrollment that the rules look at. Ids are the API's string ids. */
export interface UnenrollContext {
  /** Whose enrollment: the contact the event is about, or another contact of its company. */
  subject: 'contact' | 'company-member';
  enrollment: {
    status: EnrollmentStatus;
    enrolledBy: string;
    enrolledAt: Date;
    /** The address the contact is enrolled with. */
    contactEmail: string;
  };
  /** Addresses of the enrolling user's inboxes: "the sender" of the sequence. */
  senderAddresses: readonly string[];
  sequence: { id: string; createdBy: string; unenrollSameCompany: boolean };
  plan: Plan;
}

export type UnenrollDecision =
  | { unenroll: true; reason: UnenrollReason; scope: UnenrollScope }
  | { unenroll: false; why: KeepReason };

/** Event types by which a contact "replies or emails": they reach contacts of the same company
 * when a sequence says so (rule 5). */
export const COMPANY_RULE_EVENTS: ReadonlySet<ActivityEvent['type']> = new Set([
  'reply',
  'inbound_email',
  'reply_other_address',
  'alias_email',
  'auto_reply',
]);

/** Events about the account (a sequence, a user) rather than one contact. */
export const ACCOUNT_EVENTS: ReadonlySet<ActivityEvent['type']> = new Set(['sequence_deleted', 'user_removed']);

const LIVE: ReadonlySet<EnrollmentStatus> = new Set(['active', 'paused']);

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const toSender = (address: string, ctx: UnenrollContext) => ctx.senderAddresses.some((s) => sameAddress(s, address));
const keep = (why: KeepReason): UnenrollDecision => ({ unenroll: false, why });

/**
 * Whether `event` unenrolls the enrollment described by `ctx`, and why (docs/domain.md §4, rules 1-9
 * and the two account-level ones). Pure: the caller gathers the context and applies the answer.
 */
export function decideAutomaticUnenroll(event: ActivityEvent, ctx: UnenrollContext): UnenrollDecision {
  if (!LIVE.has(ctx.enrollment.status)) return keep('not-enrolled');

  // Account level: whatever the enrollment's history, it stops.
  if (event.type === 'sequence_deleted') {
    return event.sequenceId === ctx.sequence.id ? unenroll('SEQUENCE_DELETED') : keep('other-sequence');
  }
  if (event.type === 'user_removed') {
    return event.userId === ctx.sequence.createdBy ? unenroll('CREATOR_REMOVED') : keep('not-the-creator');
  }

  // Only what happens while enrolled counts. For a meeting that is when it was booked or
  // logged: a meeting logged while enrolled counts even if it took place earlier.
  if (Date.parse(event.occurredAt) < ctx.enrollment.enrolledAt.getTime()) return keep('before-enrollment');

  if (ctx.subject === 'company-member') return companyMember(event, ctx);

  switch (event.type) {
    case 'reply':
      return unenroll('REPLIED');
    case 'inbound_email':
      return toSender(event.toAddress, ctx) ? unenroll('EMAILED_OUTSIDE_SEQUENCE') : keep('not-to-sender');
    case 'reply_other_address':
      // A "different" address that is the enrolled one is a plain reply.
      return unenroll(sameAddress(event.fromAddress, ctx.enrollment.contactEmail) ? 'REPLIED' : 'REPLIED_FROM_OTHER_ADDRESS');
    case 'alias_email':
      return toSender(event.toAddress, ctx) ? unenroll('EMAILED_FROM_ALIAS') : keep('not-to-sender');
    case 'meeting_booked':
      return meeting(event, ctx);
    case 'unsubscribe':
      return event.sequenceId === ctx.sequence.id ? unenroll('UNSUBSCRIBED') : keep('other-sequence');
    case 'bounce':
      return event.bounceType === 'hard' ? unenroll('BOUNCED') : keep('soft-bounce');
    case 'auto_reply':
      return outOfOfficeRecognised(event.sendingClient, event.receivingInbox) ? keep('out-of-office') : unenroll('REPLIED');
    case 'workflow_unenroll':
      if (event.sequenceId !== undefined && event.sequenceId !== ctx.sequence.id) return keep('other-sequence');
      return ctx.plan === 'enterprise' ? unenroll('WORKFLOW') : keep('not-enterprise');
  }
}

function unenroll(reason: UnenrollReason): UnenrollDecision {
  return { unenroll: true, reason, scope: 'contact' };
}

/**
 * Rule 6. A meeting link in a step books with whoever owns the link, and still counts. On the
 * contact record or an integrated calendar it counts only when booked with the user who
 * enrolled the contact. A meeting logged on an associated record (a company, a deal) must also
 * be associated with the contact; it then shows on the contact record, so the same
 * enrolling-user condition applies.
 */
function meeting(event: Extract<ActivityEvent, { type: 'meeting_booked' }>, ctx: UnenrollContext): UnenrollDecision {
  if (event.source === 'step_link') return unenroll('MEETING_BOOKED');
  if (event.source === 'associated_record' && !event.associatedWithContact) return keep('not-associated-with-contact');
  return event.bookedWith === ctx.enrollment.enrolledBy ? unenroll('MEETING_BOOKED') : keep('booked-with-another-user');
}

/**
 * Rule 5: another contact of the same company replied or emailed. Counts only when this
 * enrollment's sequence has "unenroll contacts from the same company" on. A reply to any
 * sequence email counts; an email outside a sequence counts when it went to this enrollment's
 * sender. An auto-reply counts only when it is not recognised as out of office (it looks like a
 * reply).
 */
function companyMember(event: ActivityEvent, ctx: UnenrollContext): UnenrollDecision {
  if (!COMPANY_RULE_EVENTS.has(event.type)) return keep('not-a-company-rule');
  if (event.type === 'auto_reply' && outOfOfficeRecognised(event.sendingClient, event.receivingInbox)) {
    return keep('out-of-office');
  }
  if (!ctx.sequence.unenrollSameCompany) return keep('same-company-off');
  if ((event.type === 'inbound_email' || event.type === 'alias_email') && !toSender(event.toAddress, ctx)) {
    return keep('not-to-sender');
  }
  return { unenroll: true, reason: 'COMPANY_MEMBER_REPLIED', scope: 'company' };
}
