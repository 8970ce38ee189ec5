// The contract's fixed lists and limits, without the schema library. The schemas are built on
// them (codes.ts, enrollments.ts, sequences.ts), and the app's pages read them to check the
// values a URL carries and to fill their filter menus, so that a page needs no zod to open (as
// ids.ts does for ids). `values.test.ts` holds each helper to the schema it stands in for.

/** Why a contact could not be enrolled (docs/domain.md §1). Shown verbatim in the Enrolled column. */
export const ENROLL_ERROR_CODES = [
  'BLOCKED_ADDRESS',
  'BLOCKED_DOMAIN',
  'BOUNCED',
  'RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL',
  'RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY',
  'PREVIOUSLY_MARKED_AS_SPAM',
  'OTHER_SEND_REJECTED',
  'UNSUBSCRIBED',
  'UNSUBSCRIBED_PERSONAL',
  'ALREADY_ENROLLED',
] as const;

/** Why a step did not send: the sender's account or provider (docs/domain.md §2). Email column. */
export const EMAIL_PROBLEMS = ['SEND_LIMIT_REACHED', 'SEND_FAILURE', 'INBOX_DISCONNECTED', 'GMAIL_SEND_ERROR'] as const;

/** Every code the Enrollments tab can filter by: the enrollment errors, then the email problems. */
export const ERROR_FILTERS = [...ENROLL_ERROR_CODES, ...EMAIL_PROBLEMS] as const;

export const ENROLLMENT_STATUSES = ['active', 'paused', 'finished', 'unenrolled', 'failed'] as const;

export const STEP_TYPES = ['automated_email', 'manual_email', 'call', 'task', 'linkedin'] as const;

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;

export const ENROLLMENT_SORT_FIELDS = ['enrolledAt', 'contact', 'status', 'step', 'lastActivity'] as const;

export const SEQUENCE_SORT_FIELDS = [
  'name',
  'owner',
  'steps',
  'activeEnrollments',
  'openRate',
  'replyRate',
  'meetingRate',
  'errorCount',
] as const;

/** Most ids one bulk request may name; larger selections go by filter. */
export const MAX_BULK_IDS = 5000;

/** `value` if it is one of `values`, else undefined: what an enum schema's `safeParse(value).data` gives. */
export function oneOf<const T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `value` if it is a calendar date written YYYY-MM-DD (one that exists: no 30 February), else
 * undefined: what `z.iso.date().safeParse(value).data` gives. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year); // years before 100 too
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}
