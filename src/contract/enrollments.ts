import { z } from 'zod';
import { ENROLLMENT_SORT_FIELDS, MAX_BULK_IDS } from './values';
import { EmailProblem, EnrollErrorCode, EnrollmentStatus, UnenrollReason } from './codes';
import { Count, Instant, NUMERIC_ID, NumericId } from './common';
import { SortDirection } from './sequences';

export const ErrorFilter = z.union([EnrollErrorCode, EmailProblem]);
export type ErrorFilter = z.infer<typeof ErrorFilter>;

export const EnrollmentSortField = z.enum(ENROLLMENT_SORT_FIELDS);
export type EnrollmentSortField = z.infer<typeof EnrollmentSortField>;

const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD (inclusive)');

const filterFields = {
  status: EnrollmentStatus.optional(),
  error: ErrorFilter.optional(),
  enrolledBy: z.string().regex(NUMERIC_ID, 'Expected a user id').optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Search in contact name and email'),
};
const datesInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const datesMessage = { message: '"from" must not be after "to"', path: ['from'] };

/** The filters of the Enrollments tab. The same object selects rows for a bulk action. */
export const EnrollmentFilter = z.object(filterFields).strict().refine(datesInOrder, datesMessage);
export type EnrollmentFilter = z.infer<typeof EnrollmentFilter>;

export const EnrollmentListQuery = z
  .object({
    ...filterFields,
    sort: EnrollmentSortField.default('enrolledAt'),
    dir: SortDirection.default('desc'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type EnrollmentListQuery = z.infer<typeof EnrollmentListQuery>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const Enrollment = z
  .object({
    id: z.string(),
    sequenceId: z.string(),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    status: EnrollmentStatus,
    enrollError: EnrollErrorCode.nullable(),
    emailProblem: EmailProblem.nullable(),
    currentStep: z.number().int(),
    totalSteps: z.number().int(),
    enrolledBy: Ref,
    enrolledAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime().nullable(),
    nextStepAt: z.iso.datetime().nullable(),
    unenrollReason: UnenrollReason.nullable(),
    unenrolledBy: Ref.nullable(),
    unenrolledAt: z.iso.datetime().nullable(),
    relatedSequence: Ref.nullable().describe('The other sequence, for ALREADY_ENROLLED'),
    inbox: z.object({ id: z.string(), address: z.string(), connected: z.boolean() }).nullable(),
    reenrollStep: z.number().int().nullable().describe('Where a re-enroll would restart, when the problem allows one'),
  })
  .meta({ id: 'Enrollment' });
export type Enrollment = z.infer<typeof Enrollment>;

export const EnrollmentPage = z
  .object({
    items: z.array(Enrollment),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'EnrollmentPage' });
export type EnrollmentPage = z.infer<typeof EnrollmentPage>;

export const EnrollmentCount = z.object({ total: z.number().int().nonnegative() }).meta({ id: 'EnrollmentCount' });

export const ReenrollRequest = z.object({ step: z.number().int().min(1).max(100) }).strict().meta({ id: 'ReenrollRequest' });

export const EnrollRequest = z
  .object({
    contactIds: z.array(z.string().regex(NUMERIC_ID)).min(1).max(500),
    step: z.number().int().min(1).max(100),
    inboxId: z.string().regex(NUMERIC_ID),
  })
  .strict()
  .meta({ id: 'EnrollRequest' });
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResult = z
  .object({
    results: z.array(
      z.object({
        contactId: z.string(),
        outcome: z.enum(['enrolled', 'refused']),
        code: EnrollErrorCode.nullable(),
        enrollmentId: z.string().nullable(),
        relatedSequence: Ref.nullable(),
      }),
    ),
  })
  .meta({ id: 'EnrollResult' });
export type EnrollResult = z.infer<typeof EnrollResult>;

export const EnrollmentExportQuery = z
  .object({
    ...filterFields,
    sort: EnrollmentSortField.default('enrolledAt'),
    dir: SortDirection.default('desc'),
  })
  .strict()
  .refine(datesInOrder, datesMessage);
export type EnrollmentExportQuery = z.infer<typeof EnrollmentExportQuery>;

// ---------------------------------------------------------------------------------------------
// Step completion

export const CompleteStepRequest = z
  .object({ step: z.number().int().min(1).max(100).describe('The step being completed: must be the current one') })
  .strict()
  .meta({ id: 'CompleteStepRequest' });
export type CompleteStepRequest = z.infer<typeof CompleteStepRequest>;

// ---------------------------------------------------------------------------------------------
// Bulk unenroll and Undo

/** Header that makes a many-row mutation safe to retry: a replay returns the first answer. */
export { IDEMPOTENCY_KEY_HEADER } from './routes';
/** Set (to "true") on the answer to a replayed Idempotency-Key. */
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,200}$/, 'Expected 8-200 characters: letters, digits, ".", "_", ":" or "-" (a UUID is ideal)');

export { MAX_BULK_IDS };
/** Lists of skipped / not restored / kept rows in an answer stop here; the counts stay exact. */
export const MAX_LISTED_ITEMS = 1000;

export const BulkUnenrollRequest = z
  .discriminatedUnion('by', [
    z
      .object({
        by: z.literal('ids'),
        sequenceId: NumericId,
        ids: z.array(NumericId).min(1).max(MAX_BULK_IDS).describe('Enrollment ids ticked in the table'),
      })
      .strict(),
    z
      .object({
        by: z.literal('filter'),
        sequenceId: NumericId,
        filter: EnrollmentFilter.describe('The filter of the Enrollments tab: every enrollment that matches it'),
        except: z
          .array(NumericId)
          .max(MAX_BULK_IDS)
          .optional()
          .describe('Enrollments matching the filter that the user unticked: left as they are'),
        expectedTotal: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe(
            'The count the user confirmed (matches less the exceptions); when it is now another number, 409 and nothing changes',
          ),
      })
      .strict(),
  ])
  .meta({ id: 'BulkUnenrollRequest' });
export type BulkUnenrollRequest = z.infer<typeof BulkUnenrollRequest>;

/** Why a selected enrollment was left as it was. */
export const BulkSkipReason = z.enum(['already-unenrolled', 'finished', 'failed', 'not-yours']);
export type BulkSkipReason = z.infer<typeof BulkSkipReason>;

export const BulkUnenrollResult = z
  .object({
    batchId: z.string().describe('Pass to Undo'),
    sequenceId: z.string(),
    matched: Count.describe('Enrollments selected (by id or by the filter)'),
    unenrolled: Count,
    skipped: z
      .object({
        alreadyUnenrolled: Count,
        finished: Count,
        failed: Count.describe('Never enrolled (refused with an error code)'),
        notYours: Count.describe('Enrolled by someone else: reps unenroll only their own'),
      })
      .describe('How many were skipped, by reason'),
    skippedItems: z
      .array(z.object({ enrollmentId: z.string(), reason: BulkSkipReason }))
      .describe(`Each skipped enrollment and why, by status then id (at most ${MAX_LISTED_ITEMS})`),
  })
  .meta({ id: 'BulkUnenrollResult' });
export type BulkUnenrollResult = z.infer<typeof BulkUnenrollResult>;

/** Why Undo left an enrollment unenrolled. */
export const NotRestoredReason = z.enum(['changed-since', 'enrolled-elsewhere', 'sequence-deleted']);
export type NotRestoredReason = z.infer<typeof NotRestoredReason>;

export const UndoResult = z
  .object({
    batchId: z.string(),
    undoneAt: Instant,
    restored: Count,
    notRestoredTotal: Count,
    notRestored: z
      .array(z.object({ enrollmentId: z.string(), reason: NotRestoredReason }))
      .describe(
        `Enrollments left unenrolled, lowest id first (at most ${MAX_LISTED_ITEMS}): changed since the bulk ` +
          'unenroll, now enrolled in another sequence, or the sequence was deleted',
      ),
  })
  .meta({ id: 'UndoResult' });
export type UndoResult = z.infer<typeof UndoResult>;
