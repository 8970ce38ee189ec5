// What the data means: the flags that explain why a contact cannot be emailed, and how often
// each error, send problem, not-sent reason and outcome occurs (docs/domain.md §1–§3).

import type { EmailProblem, EnrollErrorCode, NotSentReason, UnenrollReason } from '../../../src/contract/codes';
import type { Weighted } from './random';

export type InboxProvider = 'gmail' | 'google_workspace' | 'office365' | 'exchange' | 'imap';
export type StepType = 'automated_email' | 'manual_email' | 'call' | 'task' | 'linkedin';
export type MailboxProvider = 'gmail' | 'outlook' | 'yahoo' | 'other';
export const MAILBOX_PROVIDERS: readonly MailboxProvider[] = ['gmail', 'outlook', 'yahoo', 'other'];

export function isEmail(type: StepType): boolean {
  return type === 'automated_email' || type === 'manual_email';
}

// Contact flags, as bits: the contact's own state decides whether it can be enrolled.
export const F_BLOCKED_ADDRESS = 1;
export const F_BLOCKED_DOMAIN = 2;
export const F_BOUNCED_PORTAL = 4;
export const F_BOUNCED_GLOBAL = 8;
export const F_SPAM = 16;
export const F_UNSUB_ALL = 32;
export const F_UNSUB_SALES = 64;
export const F_ROLE_BASED = 128;
export const F_INVALID = 256;
export const F_COMPANY_OPTED_OUT = 512;
export const F_IMPORTED = 1024;
export const F_MARKETING = 2048;
/** Anything that keeps a contact out of sales sequences. */
export const F_NOT_FOR_SALES =
  F_BLOCKED_ADDRESS |
  F_BLOCKED_DOMAIN |
  F_BOUNCED_PORTAL |
  F_BOUNCED_GLOBAL |
  F_SPAM |
  F_UNSUB_ALL |
  F_UNSUB_SALES |
  F_ROLE_BASED |
  F_INVALID |
  F_COMPANY_OPTED_OUT |
  F_IMPORTED;

/** Contacts marketing email is never sent to (a list may still include them: "not sent"). */
export const F_SUPPRESSED =
  F_BLOCKED_ADDRESS |
  F_BLOCKED_DOMAIN |
  F_BOUNCED_PORTAL |
  F_BOUNCED_GLOBAL |
  F_SPAM |
  F_UNSUB_ALL |
  F_ROLE_BASED |
  F_INVALID |
  F_COMPANY_OPTED_OUT;

/** The flags a contact's own history can explain an enrollment error with (see ERROR_FLAG). */
export const HISTORY_FLAGS = [F_BLOCKED_ADDRESS, F_BLOCKED_DOMAIN, F_BOUNCED_PORTAL, F_BOUNCED_GLOBAL, F_SPAM, F_UNSUB_ALL, F_UNSUB_SALES];

/** The contact flag each enrollment error needs (ALREADY_ENROLLED and OTHER_SEND_REJECTED are
 * about other enrollments, not the contact's own state). */
export const ERROR_FLAG: Partial<Record<EnrollErrorCode, number>> = {
  BLOCKED_ADDRESS: F_BLOCKED_ADDRESS,
  BLOCKED_DOMAIN: F_BLOCKED_DOMAIN,
  BOUNCED: F_BOUNCED_PORTAL,
  RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: F_BOUNCED_PORTAL,
  RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: F_BOUNCED_GLOBAL,
  PREVIOUSLY_MARKED_AS_SPAM: F_SPAM,
  UNSUBSCRIBED: F_UNSUB_ALL,
  UNSUBSCRIBED_PERSONAL: F_UNSUB_SALES,
};

/** Enrollment errors (docs/domain.md §1). */
export const ENROLL_ERROR_WEIGHTS: Weighted<EnrollErrorCode> = [
  ['ALREADY_ENROLLED', 22],
  ['UNSUBSCRIBED', 9],
  ['UNSUBSCRIBED_PERSONAL', 11],
  ['BOUNCED', 9],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL', 9],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY', 8],
  ['PREVIOUSLY_MARKED_AS_SPAM', 4],
  ['BLOCKED_ADDRESS', 6],
  ['BLOCKED_DOMAIN', 6],
  ['OTHER_SEND_REJECTED', 10],
];

/** Send problems that pause an enrollment (docs/domain.md §2). */
export const EMAIL_PROBLEM_WEIGHTS: Weighted<EmailProblem> = [
  ['SEND_LIMIT_REACHED', 35],
  ['SEND_FAILURE', 30],
  ['INBOX_DISCONNECTED', 20],
  ['GMAIL_SEND_ERROR', 15],
];

/** What the contact record says about the email a paused step did not send (docs/domain.md §3). */
export const SEND_FAILURE_REASONS: Record<'microsoft' | 'google' | 'imap', Weighted<NotSentReason>> = {
  microsoft: [
    ['TENANT_MOVE_PERMISSION', 2],
    ['MICROSOFT_TIMEOUT', 3],
    ['INBOX_AUTH_FAILED', 2],
    ['MTA_FAILURE', 2],
  ],
  google: [
    ['INBOX_AUTH_FAILED', 3],
    ['INBOX_SUSPENDED', 2],
    ['PROVIDER_TIMEOUT', 2],
    ['MTA_FAILURE', 2],
    ['CLASSIFIED_AS_SPAM', 1],
  ],
  imap: [
    ['FROM_ADDRESS_INVALID', 2],
    ['MTA_FAILURE', 2],
    ['PROVIDER_TIMEOUT', 2],
    ['INBOX_AUTH_FAILED', 1],
  ],
};

/** Marketing sends the sending side failed (docs/domain.md §3). */
export const MARKETING_SENDER_FAILURES: readonly NotSentReason[] = ['MTA_FAILURE', 'UNDETERMINED', 'PROVIDER_TIMEOUT', 'CLASSIFIED_AS_SPAM'];

export type Status = 'active' | 'paused' | 'finished' | 'unenrolled' | 'failed';
export const STATUS_MIX: Weighted<Status> = [
  ['active', 0.085],
  ['paused', 0.025],
  ['finished', 0.53],
  ['unenrolled', 0.285],
  ['failed', 0.075],
];

/** Reasons a contact replied or wrote: these set `replied`. */
export const REPLY_REASONS: ReadonlySet<UnenrollReason> = new Set([
  'REPLIED',
  'EMAILED_OUTSIDE_SEQUENCE',
  'REPLIED_FROM_OTHER_ADDRESS',
  'EMAILED_FROM_ALIAS',
]);
