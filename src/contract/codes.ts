import { z } from 'zod';
import { EMAIL_PROBLEMS, ENROLL_ERROR_CODES, ENROLLMENT_STATUSES } from './values';

/** Why a contact could not be enrolled (docs/domain.md §1). Shown verbatim in the Enrolled column. */
export const EnrollErrorCode = z.enum(ENROLL_ERROR_CODES);
export type EnrollErrorCode = z.infer<typeof EnrollErrorCode>;

/** Why a step did not send: the sender's account or provider (docs/domain.md §2). Email column. */
export const EmailProblem = z.enum(EMAIL_PROBLEMS);
export type EmailProblem = z.infer<typeof EmailProblem>;

export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>;

/** Why an enrollment ended (docs/domain.md §4): automatic rules, account-level events, manual. */
export const UnenrollReason = z.enum([
  'REPLIED',
  'EMAILED_OUTSIDE_SEQUENCE',
  'REPLIED_FROM_OTHER_ADDRESS',
  'EMAILED_FROM_ALIAS',
  'COMPANY_MEMBER_REPLIED',
  'MEETING_BOOKED',
  'UNSUBSCRIBED',
  'BOUNCED',
  'WORKFLOW',
  'FINISHED',
  'SEQUENCE_DELETED',
  'CREATOR_REMOVED',
  'MANUAL',
  'BULK',
]);
export type UnenrollReason = z.infer<typeof UnenrollReason>;

/** Why an email was not sent (docs/domain.md §3), grouped by side. */
export const RecipientNotSentReason = z.enum([
  'PREVIOUSLY_BOUNCED',
  'BOUNCED_GLOBALLY',
  'PREVIOUSLY_MARKED_SPAM',
  'UNSUBSCRIBED_TYPE',
  'UNSUBSCRIBED_ALL',
  'COMPANY_OPTED_OUT',
  'BLOCKED_BY_RECIPIENT_OR_SPAM_TRAP',
  'RECIPIENT_INVALID',
  'RECIPIENT_DOMAIN_BLOCKED',
  'DOUBLE_OPT_IN_PENDING',
  'MAILBOX_FULL',
  'TO_ADDRESS_INVALID',
  'LOW_ENGAGEMENT',
  'FREQUENCY_CAP',
]);
export const SenderNotSentReason = z.enum([
  'FROM_ADDRESS_INVALID',
  'CANCELLED_BY_USER',
  'MTA_FAILURE',
  'UNDETERMINED',
  'ACCOUNT_SEND_LIMIT',
  'ACCOUNT_SUSPENDED',
  'SCHEDULER_REMOVED',
  'PROVIDER_RATE_LIMIT',
  'INBOX_SUSPENDED',
  'INBOX_CONNECTION_FAILED',
  'INBOX_AUTH_FAILED',
  'CLASSIFIED_AS_SPAM',
  'TENANT_MOVE_PERMISSION',
  'MICROSOFT_TIMEOUT',
  'PROVIDER_TIMEOUT',
]);
export const NotSentReason = z.enum([...RecipientNotSentReason.options, ...SenderNotSentReason.options]);
export type NotSentReason = z.infer<typeof NotSentReason>;

/** Who hosts a connected sending inbox (it sets the inbox's daily send limit). */
export const InboxProvider = z.enum(['gmail', 'google_workspace', 'office365', 'exchange', 'imap']);
export type InboxProvider = z.infer<typeof InboxProvider>;

export const MailboxProvider = z.enum(['gmail', 'outlook', 'yahoo', 'other']);
export type MailboxProvider = z.infer<typeof MailboxProvider>;

export const Plan = z.enum(['free', 'starter', 'professional', 'enterprise']);
export type Plan = z.infer<typeof Plan>;
