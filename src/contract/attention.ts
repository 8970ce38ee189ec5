import { z } from 'zod';
import { EmailProblem, EnrollErrorCode, InboxProvider } from './codes';
import { Count, Instant, NumericId, Ref } from './common';

// Needs attention (docs/domain.md §10): every enrollment that carries an enrollment error or a
// send problem, across the sequences the user may see, grouped by what fixes it.

/** A flag code: why a contact was not enrolled, or why a step did not send. */
export const AttentionCode = z.union([EnrollErrorCode, EmailProblem]);
export type AttentionCode = z.infer<typeof AttentionCode>;

/** What fixes a group, as one action. */
export const AttentionRemedy = z.enum(['reenroll-this-step', 'reenroll-next-step', 'unenroll']);
export type AttentionRemedy = z.infer<typeof AttentionRemedy>;

/** The filters of the page, in its URL; the same object narrows a remedy. */
export const AttentionFilter = z
  .object({
    sequenceId: NumericId.optional().describe('Only this sequence'),
    enrolledBy: NumericId.optional().describe('Only enrollments made by this user (reps: themselves only)'),
    inboxId: NumericId.optional().describe('Only enrollments sending from this inbox'),
  })
  .strict()
  .meta({ id: 'AttentionFilter' });
export type AttentionFilter = z.infer<typeof AttentionFilter>;

/** A group: its code, and for INBOX_DISCONNECTED the inbox (one group per inbox). */
export const AttentionGroupKey = z
  .object({
    code: AttentionCode,
    inboxId: NumericId.optional().describe('Required for INBOX_DISCONNECTED, absent otherwise'),
  })
  .strict()
  .refine((k) => (k.code === 'INBOX_DISCONNECTED') === (k.inboxId !== undefined), {
    message: 'INBOX_DISCONNECTED groups are per inbox: give inboxId with it, and only with it',
    path: ['inboxId'],
  })
  .meta({ id: 'AttentionGroupKey' });
export type AttentionGroupKey = z.infer<typeof AttentionGroupKey>;

const CountedRef = Ref.extend({ count: Count });

export const AttentionInbox = z.object({
  id: z.string(),
  address: z.string(),
  provider: InboxProvider,
  connected: z.boolean(),
});
export type AttentionInbox = z.infer<typeof AttentionInbox>;

/** Most sequences listed per group; the group's count stays exact. */
export const MAX_GROUP_SEQUENCES = 50;

export const AttentionGroup = z
  .object({
    key: AttentionGroupKey,
    kind: z.enum(['send', 'contact']).describe('A send problem (paused) or an enrollment error (never enrolled)'),
    remedy: AttentionRemedy,
    count: Count.describe('Enrollments in the group: the number a remedy confirms'),
    fixable: Count.describe('How many the remedy would change now; the rest would be skipped, with why'),
    inbox: AttentionInbox.nullable().describe('The inbox, for INBOX_DISCONNECTED'),
    sequences: z.array(CountedRef).describe(`The sequences of the group, biggest first (at most ${MAX_GROUP_SEQUENCES})`),
    relatedSequences: z
      .array(CountedRef)
      .describe(`ALREADY_ENROLLED: the sequences the contacts are enrolled in, biggest first (at most ${MAX_GROUP_SEQUENCES})`),
  })
  .meta({ id: 'AttentionGroup' });
export type AttentionGroup = z.infer<typeof AttentionGroup>;

export const AttentionOverview = z
  .object({
    total: Count.describe('Enrollments in every group'),
    groups: z.array(AttentionGroup).describe('Biggest group first'),
    filters: z
      .object({
        sequences: z.array(CountedRef),
        owners: z.array(CountedRef),
        inboxes: z.array(AttentionInbox.extend({ count: Count })),
      })
      .describe('What the filters can choose from: the sequences, owners and inboxes that have anything to fix'),
  })
  .meta({ id: 'AttentionOverview' });
export type AttentionOverview = z.infer<typeof AttentionOverview>;

export const AttentionFixRequest = z
  .object({
    group: AttentionGroupKey,
    filter: AttentionFilter.default({}),
    expectedTotal: Count.describe('The group\'s count the user confirmed; when the group now holds another number, 409 and nothing changes'),
  })
  .strict()
  .meta({ id: 'AttentionFixRequest' });
export type AttentionFixRequest = z.input<typeof AttentionFixRequest>;

/** Why a remedy left an enrollment of the group as it was. */
export const AttentionSkipReason = z.enum(['inbox-disconnected', 'no-following-step']);
export type AttentionSkipReason = z.infer<typeof AttentionSkipReason>;

export const AttentionFixResult = z
  .object({
    batchId: z.string().describe('Pass to Undo (POST /api/unenroll-batches/:id/undo)'),
    action: z.enum(['reenroll', 'unenroll']),
    code: AttentionCode,
    matched: Count.describe('Enrollments in the group when it ran'),
    changed: Count.describe('Re-enrolled or unenrolled'),
    step: z.enum(['this', 'next']).nullable().describe('Where re-enrolled contacts continue; null for unenroll'),
    skipped: z.object({ inboxDisconnected: Count, noFollowingStep: Count }),
    skippedItems: z.array(z.object({ enrollmentId: z.string(), reason: AttentionSkipReason })),
    schedule: z
      .object({ first: Instant, last: Instant, days: Count })
      .nullable()
      .describe('Re-enroll at next step: when the next steps are due, spread so that no inbox goes over its daily limit'),
  })
  .meta({ id: 'AttentionFixResult' });
export type AttentionFixResult = z.infer<typeof AttentionFixResult>;
