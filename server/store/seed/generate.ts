// The deterministic data generator behind `seed()`. It knows nothing about databases: it hands
// batches of rows, column by column, to a sink. seed.ts writes them to PostgreSQL/PGlite; tests
// can hash them. Everything is derived from the seed number and `now`, never from the clock.
//
// The story the data tells is in story.ts; each phase has its module, in the order they run:
// users.ts, companies.ts, contacts.ts, sequences.ts, enrollments.ts (with enrollment-outcomes.ts,
// sales-email.ts), marketing-events.ts and marketing.ts. Each phase draws from its own random
// stream, and writes its rows before the next phase refers to them (foreign keys).

import type { Role } from '../../../src/contract/auth';
import { createContext, type GenerateOptions, type SequenceInfo } from './context';
import { SMALL_CURATED } from './datasets';
import { genCompanies } from './companies';
import { genContacts } from './contacts';
import { genEnrollments } from './enrollments';
import { genMarketingEmails } from './marketing';
import { genMarketingEvents } from './marketing-events';
import { planSequences } from './sequences';
import type { SeedSink } from './tables';
import { genAccountAndUsers } from './users';

export type { GenerateOptions } from './context';
export type { Dataset } from './datasets';
export { apportion } from './helpers';
export type { SeedSink } from './tables';

export interface SequenceRef {
  id: number;
  name: string;
  enrollments: number;
}

export interface GenerateResult {
  counts: Record<string, number>;
  /** The sequence with the most enrollments (exactly 200,000 in `xl`). */
  largestSequence: SequenceRef;
  /** A small live sequence to compare with the largest (exactly 2,000 in `xl`). */
  smallSequence: SequenceRef;
  /** Marketing email stopped here: the account went on probation for its hard-bounce rate. */
  probationSince: Date;
  /** Ids of the sign-in-able demo users by role. */
  demoUserIds: Record<Role, number>;
}

/** Generates the whole dataset into `sink`. Deterministic for the same seed, `now` and dataset. */
export async function generate(options: GenerateOptions, sink: SeedSink): Promise<GenerateResult> {
  const ctx = createContext(options, sink);
  const { out } = ctx;

  const people = await genAccountAndUsers(ctx);
  await out.flushAll();
  const companies = await genCompanies(ctx);
  await out.flushAll();
  const contacts = await genContacts(ctx, people, companies);
  await out.flushAll();
  const sequences = await planSequences(ctx, people, contacts);
  await out.flushAll();
  const sales = await genEnrollments(ctx, people, contacts, sequences);
  await out.flushAll();
  const marketingSends = await genMarketingEvents(ctx, contacts, sales);
  await genMarketingEmails(ctx, marketingSends);
  await out.flushAll();

  const live = sequences.filter((s) => s.special === null);
  const largest = sequences.reduce((a, b) => (b.size > a.size ? b : a));
  const small = ctx.cfg.fixedSizes.has(SMALL_CURATED) ? (sequences[SMALL_CURATED] as SequenceInfo) : live.reduce((a, b) => (b.size < a.size ? b : a));
  const ref = (s: SequenceInfo): SequenceRef => ({ id: s.id, name: s.name, enrollments: s.size });
  return {
    counts: out.counts(),
    largestSequence: ref(largest),
    smallSequence: ref(small),
    probationSince: new Date(ctx.probationSince),
    demoUserIds: people.demo,
  };
}
