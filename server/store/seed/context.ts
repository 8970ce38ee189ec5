// What the phases of the generator share: the run's settings and clock, where rows go, and the
// model each phase hands to the next (users, companies, contacts, sequences).

import type { Role } from '../../../src/contract/auth';
import { CONFIGS, DAY, EVENT_DAYS, HOUR, type Dataset, type DatasetConfig } from './datasets';
import { Random } from './random';
import type { InboxProvider, Status, StepType } from './rules';
import { TableWriters, type SeedSink } from './tables';

export interface GenerateOptions {
  dataset: Dataset;
  seed: number;
  now: Date;
  /** The stored hash of the demo password: hashing is slow, so the caller does it once. */
  demoPasswordHash: string;
  /** Rows per insert statement. */
  batchSize?: number;
  onProgress?: (message: string) => void;
}

/** One run of the generator. Each phase draws from its own fork of `rng`. */
export interface SeedContext {
  readonly cfg: DatasetConfig;
  readonly rng: Random;
  readonly demoPasswordHash: string;
  /** The moment the data is generated for, in whole seconds. */
  readonly now: number;
  /** Enrollments begin here. */
  readonly windowStart: number;
  /** Email events begin here. */
  readonly eventsFrom: number;
  /** Marketing sending stopped here (probation). */
  readonly probationSince: number;
  readonly out: TableWriters;
  readonly progress: (message: string) => void;
  /** The id of the next email event: sales and marketing email share the table. */
  nextEventId: number;
}

export function createContext(options: GenerateOptions, sink: SeedSink): SeedContext {
  const cfg = CONFIGS[options.dataset];
  const now = Math.floor(options.now.getTime() / 1000) * 1000;
  return {
    cfg,
    rng: new Random(options.seed),
    demoPasswordHash: options.demoPasswordHash,
    now,
    windowStart: now - cfg.historyDays * DAY,
    eventsFrom: now - EVENT_DAYS * DAY,
    probationSince: now - 9 * DAY - 7 * HOUR,
    out: new TableWriters(sink, options.batchSize ?? 20_000),
    progress: options.onProgress ?? (() => undefined),
    nextEventId: 1,
  };
}

export interface UserInfo {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  /** The time the user was removed (inactive users), else Infinity. */
  removedAt: number;
  inboxes: InboxInfo[];
}

export interface InboxInfo {
  id: number;
  userId: number;
  provider: InboxProvider;
  connected: boolean;
}

export interface People {
  users: UserInfo[];
  byId: ReadonlyMap<number, UserInfo>;
  /** Reps and managers: the users who own, enroll and send. */
  salesUsers: UserInfo[];
  /** The ids of the sign-in-able demo users, found by their email among the users written. */
  demo: Record<Role, number>;
}

/** Companies by id (index 0 unused). */
export interface Companies {
  domains: string[];
  /** Index into MAILBOX_PROVIDERS. */
  provider: Uint8Array;
  flags: Uint16Array;
  /** A company for a new contact: a few large accounts and a long tail of small ones. */
  pick: () => number;
}

/** Contacts by id (index 0 unused), and the pools enrollments draw from. */
export interface Contacts {
  count: number;
  flags: Uint16Array;
  /** Index into MAILBOX_PROVIDERS. */
  provider: Uint8Array;
  createdAt: Float64Array;
  /** NaN when never. */
  engagedAt: Float64Array;
  name: string[];
  email: string[];
  /** Clean contacts that existed before the enrollments began. */
  salesPool: Int32Array;
  /** For a contact flag: the contacts that existed before the enrollments began and have it. */
  flagPools: ReadonlyMap<number, Int32Array>;
}

export interface StepInfo {
  position: number;
  type: StepType;
  delayDays: number;
  subject: string | null;
}

export interface SequenceInfo {
  id: number;
  name: string;
  ownerId: number;
  createdAt: number;
  /** The time after which nothing happens in the sequence: now, its deletion, or the
   * removal of its creator. */
  horizon: number;
  special: 'deleted' | 'creator-removed' | null;
  sameCompany: boolean;
  territory: boolean;
  quality: number;
  steps: StepInfo[];
  /** Milliseconds from enrollment to each step (index = position - 1). */
  offsets: number[];
  /** Email steps strictly before each position (index = position; [n + 1] = all of them). */
  emailsBefore: number[];
  size: number;
  counts: Record<Status, number>;
  bulkBatches: Array<{ at: number; by: number }>;
  /** Contacts currently active or paused in this sequence (phase A). */
  current: number[];
}
