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
