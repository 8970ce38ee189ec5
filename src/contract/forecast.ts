import { z } from 'zod';
import { Count, Instant, NumericId, Ref } from './common';
import { Inbox } from './contacts';

// The send forecast per inbox and Spread (docs/domain.md §8).

const IsoDate = z.iso.date();

export const SendForecastQuery = z
  .object({
    inboxId: NumericId.optional().describe('Only this inbox'),
    owner: z.enum(['me', 'all']).default('all').describe("'me': only the caller's own inboxes; reps always see only theirs"),
  })
  .strict();
export type SendForecastQuery = z.infer<typeof SendForecastQuery>;

/** The sends of one step of one sequence that would fail on a day over the limit. */
export const FailingStep = z.object({ sequence: Ref, step: z.number().int().positive(), count: Count });
export type FailingStep = z.infer<typeof FailingStep>;

export const ForecastDay = z.object({
  date: IsoDate.describe("A calendar day in the account's time zone"),
  scheduled: Count.describe('Sequence emails scheduled from this inbox that day'),
  overflow: Count.describe('Of those, the ones beyond the pause point: they would fail with SEND_LIMIT_REACHED'),
  failingSteps: z.array(FailingStep).describe('The overflow by sequence and step, largest first'),
});
export type ForecastDay = z.infer<typeof ForecastDay>;

export const InboxForecast = z.object({
  inbox: Inbox,
  owner: Ref,
  dailyLimit: Count,
  pauseAt: Count.describe('Sequences stop sending at this many a day (90% of the limit)'),
  overflow: Count.describe('Sends over the pause point in the whole forecast'),
  days: z.array(ForecastDay),
});
export type InboxForecast = z.infer<typeof InboxForecast>;

export const SendForecast = z
  .object({
    asOf: Instant,
    timeZone: z.string().describe("The account's time zone: days start at its midnight"),
    days: z.array(IsoDate).describe('The days forecast, today first'),
    inboxes: z.array(InboxForecast),
  })
  .meta({ id: 'SendForecast' });
export type SendForecast = z.infer<typeof SendForecast>;

export const SpreadMoveSummary = z.object({ from: IsoDate, to: IsoDate, count: Count });
export type SpreadMoveSummary = z.infer<typeof SpreadMoveSummary>;

export const SpreadPreview = z
  .object({
    inboxId: z.string(),
    moves: z.array(SpreadMoveSummary).describe('How many sends would move from which day to which'),
    moved: Count,
    unplaced: Count.describe('Sends over the limit with no day with room in the next two weeks: left where they are'),
    planToken: z.string().describe('Send it back to confirm: a schedule that changed since the preview is refused with 409'),
  })
  .meta({ id: 'SpreadPreview' });
export type SpreadPreview = z.infer<typeof SpreadPreview>;

export const SpreadRequest = z
  .object({ planToken: z.string().regex(/^[0-9a-f]{64}$/, 'Expected the planToken of a preview') })
  .strict()
  .meta({ id: 'SpreadRequest' });
export type SpreadRequest = z.infer<typeof SpreadRequest>;

export const SpreadResult = z
  .object({
    spreadId: z.string().describe('Undo takes this id'),
    inboxId: z.string(),
    moves: z.array(SpreadMoveSummary),
    moved: Count,
    unplaced: Count,
  })
  .meta({ id: 'SpreadResult' });
export type SpreadResult = z.infer<typeof SpreadResult>;

export const UndoSpreadResult = z
  .object({
    spreadId: z.string(),
    undoneAt: Instant,
    restored: Count.describe('Sends put back at their previous time'),
    notRestored: Count.describe('Sends changed since the Spread (sent, unenrolled, moved again): left as they are'),
  })
  .meta({ id: 'UndoSpreadResult' });
export type UndoSpreadResult = z.infer<typeof UndoSpreadResult>;
