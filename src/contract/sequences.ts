import { z } from 'zod';
import { SEQUENCE_SORT_FIELDS, SORT_DIRECTIONS, STEP_TYPES } from './values';
import { UnenrollReason } from './codes';
import { Count, Instant, Ref } from './common';

export const SequenceSortField = z.enum(SEQUENCE_SORT_FIELDS);
export type SequenceSortField = z.infer<typeof SequenceSortField>;

export const SortDirection = z.enum(SORT_DIRECTIONS);
export type SortDirection = z.infer<typeof SortDirection>;

export const SequenceListQuery = z
  .object({
    q: z.string().trim().max(200).optional().describe('Case-insensitive search in the sequence name'),
    sort: SequenceSortField.default('name'),
    dir: SortDirection.default('asc'),
  })
  .strict();
export type SequenceListQuery = z.infer<typeof SequenceListQuery>;

/** A rate is a fraction in [0, 1], or null when nothing was sent yet. */
const Rate = z.number().min(0).max(1).nullable();

export const SequenceListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }),
    steps: z.number().int().nonnegative(),
    activeEnrollments: z.number().int().nonnegative(),
    openRate: Rate,
    replyRate: Rate,
    meetingRate: Rate,
    errorCount: z.number().int().nonnegative(),
  })
  .meta({ id: 'SequenceListItem' });
export type SequenceListItem = z.infer<typeof SequenceListItem>;

export const SequenceList = z
  .object({
    items: z.array(SequenceListItem),
    total: z.number().int().nonnegative(),
  })
  .meta({ id: 'SequenceList' });
export type SequenceList = z.infer<typeof SequenceList>;

export const StepType = z.enum(STEP_TYPES);
export type StepType = z.infer<typeof StepType>;

/** One entry of the error summary above the Enrollments table. */
export const ErrorSummaryEntry = z.object({
  code: z.string().describe('An EnrollErrorCode or an EmailProblem'),
  kind: z.enum(['enroll', 'email']),
  count: z.number().int().positive(),
});

export const SequenceDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.object({ id: z.string(), name: z.string() }),
    steps: z.array(z.object({ position: z.number().int(), type: StepType, subject: z.string().nullable() })),
    unenrollSameCompany: z.boolean(),
    figures: z.object({
      enrolled: z.number().int(),
      active: z.number().int(),
      paused: z.number().int(),
      finished: z.number().int(),
      unenrolled: z.number().int(),
      withErrors: z.number().int(),
      openRate: Rate,
      clickRate: Rate,
      replyRate: Rate,
      meetingRate: Rate,
    }),
    errorSummary: z.array(ErrorSummaryEntry),
    enrollers: z.array(z.object({ id: z.string(), name: z.string() })).describe('Users who enrolled contacts here'),
  })
  .meta({ id: 'SequenceDetail' });
export type SequenceDetail = z.infer<typeof SequenceDetail>;

// ---------------------------------------------------------------------------------------------
// Settings

export const SequenceSettingsUpdate = z
  .object({ unenrollSameCompany: z.boolean().describe('Unenroll contacts of the same company when one replies') })
  .strict()
  .meta({ id: 'SequenceSettingsUpdate' });
export type SequenceSettingsUpdate = z.infer<typeof SequenceSettingsUpdate>;

export const SequenceSettings = z
  .object({ id: z.string(), unenrollSameCompany: z.boolean() })
  .meta({ id: 'SequenceSettings' });
export type SequenceSettings = z.infer<typeof SequenceSettings>;

// ---------------------------------------------------------------------------------------------
// History (the sequence's audit log)

export const AuditAction = z.enum([
  'enroll',
  'unenroll',
  'bulk-unenroll',
  'undo-unenroll',
  'reenroll',
  'undo-reenroll',
  'auto-unenroll',
  'settings',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const HistoryQuery = z
  .object({
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const AuditEntry = z
  .object({
    id: z.string(),
    at: Instant,
    actor: Ref.nullable().describe('Null for automatic unenrollments'),
    action: AuditAction,
    count: Count.describe('How many enrollments it concerned'),
    filter: z.record(z.string(), z.string()).nullable().describe('The filter of a bulk unenroll by filter'),
    batchId: z.string().nullable(),
    reason: UnenrollReason.nullable().describe('Why, for automatic unenrollments'),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const HistoryPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'HistoryPage' });
export type HistoryPage = z.infer<typeof HistoryPage>;

// ---------------------------------------------------------------------------------------------
// Scheduled tab

export const ScheduledQuery = z
  .object({
    type: StepType.optional(),
    from: Instant.optional().describe('Send time at or after (the start of the user\'s local day)'),
    to: Instant.optional().describe('Send time before (the end of the user\'s local day)'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type ScheduledQuery = z.infer<typeof ScheduledQuery>;

export const ScheduledStep = z
  .object({
    enrollmentId: z.string(),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    step: z.object({ position: z.number().int(), type: StepType, subject: z.string().nullable() }),
    totalSteps: z.number().int(),
    sendAt: Instant,
    inbox: z.object({ id: z.string(), address: z.string(), connected: z.boolean() }).nullable(),
    enrolledBy: Ref,
  })
  .meta({ id: 'ScheduledStep' });
export type ScheduledStep = z.infer<typeof ScheduledStep>;

export const ScheduledPage = z
  .object({
    items: z.array(ScheduledStep),
    nextCursor: z.string().nullable(),
    total: Count.describe('Upcoming steps matching the filter'),
  })
  .meta({ id: 'ScheduledPage' });
export type ScheduledPage = z.infer<typeof ScheduledPage>;
