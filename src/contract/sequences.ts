import { z } from 'zod';

export const SequenceSortField = z.enum([
  'name',
  'owner',
  'steps',
  'activeEnrollments',
  'openRate',
  'replyRate',
  'meetingRate',
  'errorCount',
]);
export type SequenceSortField = z.infer<typeof SequenceSortField>;

export const SortDirection = z.enum(['asc', 'desc']);
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

export const StepType = z.enum(['automated_email', 'manual_email', 'call', 'task', 'linkedin']);
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
