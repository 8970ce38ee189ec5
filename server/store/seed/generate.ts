// The deterministic data generator behind `seed()`. It knows nothing about databases: it hands
// batches of rows, column by column, to a sink. seed.ts writes them to PostgreSQL/PGlite; tests
// can hash them. Everything is derived from the seed number and `now`, never from the clock.
//
// The story the data tells (DESIGN.md §5, DOMAIN.md): a software company on the entry marketing
// plan, one sales team running ~20 sequences over six months, every error code and unenrollment
// reason present where the rules say it can happen, and a marketing team that blasted purchased
// lists a few weeks ago, so that its hard-bounce rate put the account on probation.

import type { EmailProblem, EnrollErrorCode, NotSentReason, UnenrollReason } from '../../../src/contract/codes';
import { DEMO_USERS, NO_SIGN_IN_HASH, TEAM_REPS } from './demo-users';
import { Random } from './random';

export type Dataset = 'demo' | 'xl';

export type ColumnType = 'int' | 'bigint' | 'text' | 'bool' | 'timestamptz';
export interface Column {
  name: string;
  type: ColumnType;
}

/** Where generated rows go. `values` holds one array per column (column-major), timestamps as
 * ISO strings, so that a SQL sink can pass each column as one array parameter. */
export interface SeedSink {
  insert(table: string, columns: readonly Column[], values: readonly unknown[][]): Promise<void>;
  /** Updates rows by `id` (the first column) to the values of the other columns. */
  update(table: string, columns: readonly Column[], values: readonly unknown[][]): Promise<void>;
}

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
  demoUserIds: Record<'rep' | 'manager' | 'marketer' | 'admin', number>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Email events are kept this long (the health views look back six months at most). */
const EVENT_DAYS = 182;

interface DatasetConfig {
  /** How far back enrollments go. Longer than the event retention in `xl`, so that its
   * 1,000,000 enrollments do not need more than its 2,000,000 events. */
  historyDays: number;
  /** Stretches the ages of the curated sequences to the history. */
  ageScale: number;
  companies: number;
  /** Contacts in total, the imported lists included. */
  contacts: number;
  /** Purchased / scanned lists imported shortly before probation: the bad addresses. */
  imports: ReadonlyArray<{ daysAgo: number; size: number; name: string }>;
  /** Generated reps on top of the named team. */
  extraReps: number;
  /** Generated sequences on top of the curated ones. */
  extraSequences: number;
  enrollments: number;
  /** Exact sizes for some curated sequences (by index), the rest share what is left. */
  fixedSizes: ReadonlyMap<number, number>;
  /** email_events in total: marketing email fills what sales email leaves. */
  emailEvents: number;
}

// Index of the curated sequences that benchmarks compare (see CURATED_SEQUENCES).
const LARGEST_CURATED = 0;
const SMALL_CURATED = 8;

const CONFIGS: Record<Dataset, DatasetConfig> = {
  demo: {
    historyDays: EVENT_DAYS,
    ageScale: 1,
    companies: 1_150,
    contacts: 5_600,
    imports: [
      { daysAgo: 27, size: 700, name: 'Purchased list — EMEA finance leaders' },
      { daysAgo: 18, size: 550, name: 'Trade-show badge scans' },
    ],
    extraReps: 0,
    extraSequences: 0,
    enrollments: 25_000,
    fixedSizes: new Map(),
    emailEvents: 165_000,
  },
  xl: {
    historyDays: 1095,
    ageScale: 3,
    companies: 48_000,
    contacts: 300_000,
    imports: [
      { daysAgo: 27, size: 6_000, name: 'Purchased list — EMEA finance leaders' },
      { daysAgo: 18, size: 5_000, name: 'Trade-show badge scans' },
    ],
    extraReps: 32,
    extraSequences: 59,
    enrollments: 1_000_000,
    fixedSizes: new Map([
      [LARGEST_CURATED, 200_000],
      [SMALL_CURATED, 2_000],
    ]),
    emailEvents: 2_000_000,
  },
};

// ---------------------------------------------------------------------------------------------
// Table layouts

const col = (name: string, type: ColumnType): Column => ({ name, type });

const COLUMNS = {
  account: [col('id', 'int'), col('name', 'text'), col('plan', 'text'), col('industry', 'text'), col('created_at', 'timestamptz')],
  teams: [col('id', 'int'), col('name', 'text')],
  users: [
    col('id', 'int'),
    col('email', 'text'),
    col('name', 'text'),
    col('role', 'text'),
    col('password_hash', 'text'),
    col('team_id', 'int'),
    col('active', 'bool'),
    col('created_at', 'timestamptz'),
  ],
  inboxes: [
    col('id', 'int'),
    col('user_id', 'int'),
    col('address', 'text'),
    col('provider', 'text'),
    col('connected', 'bool'),
    col('daily_limit', 'int'),
  ],
  companies: [col('id', 'int'), col('name', 'text'), col('domain', 'text')],
  contacts: [
    col('id', 'int'),
    col('first_name', 'text'),
    col('last_name', 'text'),
    col('email', 'text'),
    col('company_id', 'int'),
    col('owner_id', 'int'),
    col('is_marketing', 'bool'),
    col('consent', 'text'),
    col('last_engaged_at', 'timestamptz'),
    col('address_status', 'text'),
    col('blocked_address', 'bool'),
    col('blocked_domain', 'bool'),
    col('bounced_portal', 'bool'),
    col('bounced_global', 'bool'),
    col('spam_reported', 'bool'),
    col('unsubscribed_all', 'bool'),
    col('unsubscribed_sales', 'bool'),
    col('created_at', 'timestamptz'),
  ],
  contactFlags: [
    col('id', 'int'),
    col('address_status', 'text'),
    col('bounced_portal', 'bool'),
    col('spam_reported', 'bool'),
    col('unsubscribed_all', 'bool'),
  ],
  sequences: [
    col('id', 'int'),
    col('name', 'text'),
    col('owner_id', 'int'),
    col('created_by', 'int'),
    col('unenroll_same_company', 'bool'),
    col('created_at', 'timestamptz'),
    col('deleted_at', 'timestamptz'),
  ],
  sequence_steps: [
    col('sequence_id', 'int'),
    col('position', 'int'),
    col('type', 'text'),
    col('delay_days', 'int'),
    col('subject', 'text'),
  ],
  enrollments: [
    col('id', 'int'),
    col('sequence_id', 'int'),
    col('contact_id', 'int'),
    col('enrolled_by', 'int'),
    col('inbox_id', 'int'),
    col('status', 'text'),
    col('current_step', 'int'),
    col('enroll_error', 'text'),
    col('email_error', 'text'),
    col('related_sequence_id', 'int'),
    col('unenroll_reason', 'text'),
    col('unenrolled_by', 'int'),
    col('unenrolled_at', 'timestamptz'),
    col('enrolled_at', 'timestamptz'),
    col('last_activity_at', 'timestamptz'),
    col('next_step_at', 'timestamptz'),
    col('emails_sent', 'int'),
    col('opened', 'bool'),
    col('clicked', 'bool'),
    col('replied', 'bool'),
    col('meeting_booked', 'bool'),
    // Copies of the contact's name and email (migration 002). Given here, the insert trigger
    // does not have to look each contact up.
    col('contact_name', 'text'),
    col('contact_email', 'text'),
  ],
  email_events: [
    col('id', 'bigint'),
    col('occurred_at', 'timestamptz'),
    col('kind', 'text'),
    col('contact_id', 'int'),
    col('enrollment_id', 'int'),
    col('provider', 'text'),
    col('sent', 'bool'),
    col('not_sent_reason', 'text'),
    col('delivered', 'bool'),
    col('bounce', 'text'),
    col('opened', 'bool'),
    col('clicked', 'bool'),
    col('spam_reported', 'bool'),
    col('unsubscribed', 'bool'),
  ],
  marketing_emails: [
    col('id', 'int'),
    col('name', 'text'),
    col('status', 'text'),
    col('sent_count', 'int'),
    col('scheduled_at', 'timestamptz'),
    col('sent_at', 'timestamptz'),
    col('created_at', 'timestamptz'),
  ],
} satisfies Record<string, Column[]>;

/** Collects rows column by column and hands them to the sink in batches. */
class TableWriter {
  private values: unknown[][];
  private pending = 0;
  total = 0;

  constructor(
    private readonly sink: SeedSink,
    readonly table: string,
    readonly columns: readonly Column[],
    private readonly batchSize: number,
  ) {
    this.values = columns.map(() => []);
  }

  /** Adds one row; timestamps as epoch milliseconds (or null). */
  add(...row: unknown[]): void {
    for (let i = 0; i < row.length; i++) (this.values[i] as unknown[]).push(row[i]);
    this.pending++;
  }

  get full(): boolean {
    return this.pending >= this.batchSize;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const values = this.values.map((column, i) =>
      this.columns[i]?.type === 'timestamptz' ? column.map((v) => (v == null ? null : isoSeconds(v as number))) : column,
    );
    this.values = this.columns.map(() => []);
    this.total += this.pending;
    this.pending = 0;
    await this.sink.insert(this.table, this.columns, values);
  }
}

/** Whole seconds: sub-second noise would only make the data harder to read and compare. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Domain vocabularies

type InboxProvider = 'gmail' | 'google_workspace' | 'office365' | 'exchange' | 'imap';
type StepType = 'automated_email' | 'manual_email' | 'call' | 'task' | 'linkedin';
type MailboxProvider = 'gmail' | 'outlook' | 'yahoo' | 'other';
const MAILBOX_PROVIDERS: readonly MailboxProvider[] = ['gmail', 'outlook', 'yahoo', 'other'];

// Contact flags, as bits: the contact's own state decides whether it can be enrolled.
const F_BLOCKED_ADDRESS = 1;
const F_BLOCKED_DOMAIN = 2;
const F_BOUNCED_PORTAL = 4;
const F_BOUNCED_GLOBAL = 8;
const F_SPAM = 16;
const F_UNSUB_ALL = 32;
const F_UNSUB_SALES = 64;
const F_ROLE_BASED = 128;
const F_INVALID = 256;
const F_COMPANY_OPTED_OUT = 512;
const F_IMPORTED = 1024;
const F_MARKETING = 2048;
/** Anything that keeps a contact out of sales sequences. */
const F_NOT_FOR_SALES =
  F_BLOCKED_ADDRESS |
  F_BLOCKED_DOMAIN |
  F_BOUNCED_PORTAL |
  F_BOUNCED_GLOBAL |
  F_SPAM |
  F_UNSUB_ALL |
  F_UNSUB_SALES |
  F_ROLE_BASED |
  F_INVALID |
  F_COMPANY_OPTED_OUT |
  F_IMPORTED;

/** Contacts marketing email is never sent to (a list may still include them: "not sent"). */
const F_SUPPRESSED =
  F_BLOCKED_ADDRESS |
  F_BLOCKED_DOMAIN |
  F_BOUNCED_PORTAL |
  F_BOUNCED_GLOBAL |
  F_SPAM |
  F_UNSUB_ALL |
  F_ROLE_BASED |
  F_INVALID |
  F_COMPANY_OPTED_OUT;

/** The contact flag each enrollment error needs (ALREADY_ENROLLED and OTHER_SEND_REJECTED are
 * about other enrollments, not the contact's own state). */
const ERROR_FLAG: Partial<Record<EnrollErrorCode, number>> = {
  BLOCKED_ADDRESS: F_BLOCKED_ADDRESS,
  BLOCKED_DOMAIN: F_BLOCKED_DOMAIN,
  BOUNCED: F_BOUNCED_PORTAL,
  RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: F_BOUNCED_PORTAL,
  RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: F_BOUNCED_GLOBAL,
  PREVIOUSLY_MARKED_AS_SPAM: F_SPAM,
  UNSUBSCRIBED: F_UNSUB_ALL,
  UNSUBSCRIBED_PERSONAL: F_UNSUB_SALES,
};

const ENROLL_ERROR_WEIGHTS: ReadonlyArray<readonly [EnrollErrorCode, number]> = [
  ['ALREADY_ENROLLED', 22],
  ['UNSUBSCRIBED', 9],
  ['UNSUBSCRIBED_PERSONAL', 11],
  ['BOUNCED', 9],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL', 9],
  ['RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY', 8],
  ['PREVIOUSLY_MARKED_AS_SPAM', 4],
  ['BLOCKED_ADDRESS', 6],
  ['BLOCKED_DOMAIN', 6],
  ['OTHER_SEND_REJECTED', 10],
];

const EMAIL_PROBLEM_WEIGHTS: ReadonlyArray<readonly [EmailProblem, number]> = [
  ['SEND_LIMIT_REACHED', 35],
  ['SEND_FAILURE', 30],
  ['INBOX_DISCONNECTED', 20],
  ['GMAIL_SEND_ERROR', 15],
];

/** What the contact record says about the email a paused step did not send. */
const SEND_FAILURE_REASONS: Record<'microsoft' | 'google' | 'imap', ReadonlyArray<readonly [NotSentReason, number]>> = {
  microsoft: [
    ['TENANT_MOVE_PERMISSION', 2],
    ['MICROSOFT_TIMEOUT', 3],
    ['INBOX_AUTH_FAILED', 2],
    ['MTA_FAILURE', 2],
  ],
  google: [
    ['INBOX_AUTH_FAILED', 3],
    ['INBOX_SUSPENDED', 2],
    ['PROVIDER_TIMEOUT', 2],
    ['MTA_FAILURE', 2],
    ['CLASSIFIED_AS_SPAM', 1],
  ],
  imap: [
    ['FROM_ADDRESS_INVALID', 2],
    ['MTA_FAILURE', 2],
    ['PROVIDER_TIMEOUT', 2],
    ['INBOX_AUTH_FAILED', 1],
  ],
};

type Status = 'active' | 'paused' | 'finished' | 'unenrolled' | 'failed';
const STATUS_MIX: ReadonlyArray<readonly [Status, number]> = [
  ['active', 0.085],
  ['paused', 0.025],
  ['finished', 0.53],
  ['unenrolled', 0.285],
  ['failed', 0.075],
];

/** Reasons a contact replied or wrote: these set `replied`. */
const REPLY_REASONS: ReadonlySet<UnenrollReason> = new Set([
  'REPLIED',
  'EMAILED_OUTSIDE_SEQUENCE',
  'REPLIED_FROM_OTHER_ADDRESS',
  'EMAILED_FROM_ALIAS',
]);

// ---------------------------------------------------------------------------------------------
// Internal model

interface UserInfo {
  id: number;
  name: string;
  role: 'rep' | 'manager' | 'marketer' | 'admin';
  active: boolean;
  /** The time the user was removed (inactive users), else Infinity. */
  removedAt: number;
  inboxes: InboxInfo[];
}

interface InboxInfo {
  id: number;
  userId: number;
  provider: InboxProvider;
  connected: boolean;
}

interface StepInfo {
  position: number;
  type: StepType;
  delayDays: number;
  subject: string | null;
}

interface SequenceInfo {
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

interface CuratedSequence {
  name: (now: Date) => string;
  owner: string;
  createdDaysAgo: number;
  weight: number;
  sameCompany?: boolean;
  /** A territory sequence: only its owner and the manager enroll into it, so the demo rep
   * has no part in it (and cannot see it). */
  territory?: boolean;
  special?: 'deleted' | 'creator-removed';
}

/** The named sequences of the demo team (the xl dataset adds generated ones). Owners are user
 * names: the demo rep owns five, the manager three. */
const CURATED_SEQUENCES: readonly CuratedSequence[] = [
  { name: (now) => `Q${Math.floor(now.getUTCMonth() / 3) + 1} Outbound — SaaS CFOs`, owner: 'Sam Rivera', createdDaysAgo: 70, weight: 1.6 },
  { name: () => 'Inbound demo requests — fast follow-up', owner: 'Sam Rivera', createdDaysAgo: 280, weight: 2.0, sameCompany: true },
  { name: () => 'Webinar attendees — Forecasting 101', owner: 'Sam Rivera', createdDaysAgo: 150, weight: 1.0 },
  { name: () => 'Trial ending — nudge to paid', owner: 'Sam Rivera', createdDaysAgo: 260, weight: 1.4 },
  { name: () => 'Re-engage closed-lost (6 months)', owner: 'Sam Rivera', createdDaysAgo: 210, weight: 0.8, sameCompany: true },
  { name: () => 'Enterprise ABM — Fintech', owner: 'Morgan Lee', createdDaysAgo: 240, weight: 0.7, sameCompany: true },
  { name: () => 'Heads of RevOps — cold outreach', owner: 'Morgan Lee', createdDaysAgo: 300, weight: 1.5 },
  { name: () => 'Renewal — 90 days out', owner: 'Morgan Lee', createdDaysAgo: 320, weight: 0.6 },
  { name: () => 'Partner referrals — warm intro', owner: 'Priya Natarajan', createdDaysAgo: 190, weight: 0.25 },
  { name: () => 'Pricing page visitors', owner: 'Priya Natarajan', createdDaysAgo: 230, weight: 1.3 },
  { name: () => 'Event follow-up — SaaStr Europa', owner: 'Diego Alvarez', createdDaysAgo: 120, weight: 0.9 },
  { name: () => 'Healthcare IT — compliance angle', owner: 'Diego Alvarez', createdDaysAgo: 270, weight: 0.8, territory: true },
  { name: () => 'Nordics outbound — Series A/B founders', owner: 'Emma Lindqvist', createdDaysAgo: 200, weight: 1.0, territory: true },
  { name: () => 'Churn-risk check-in', owner: 'Emma Lindqvist', createdDaysAgo: 250, weight: 0.5, sameCompany: true },
  { name: () => 'Manufacturing VP Ops — cold', owner: 'Tomasz Nowak', createdDaysAgo: 290, weight: 1.1 },
  { name: () => 'Poland & CEE expansion', owner: 'Tomasz Nowak', createdDaysAgo: 160, weight: 0.7, territory: true },
  { name: () => 'Free-tool signups — qualify', owner: 'Ingrid Solberg', createdDaysAgo: 220, weight: 1.2 },
  { name: () => 'Product launch — Forecasting add-on', owner: 'Marcus Chen', createdDaysAgo: 45, weight: 0.9 },
  { name: () => 'Expansion — seat upsell', owner: 'Aisha Bello', createdDaysAgo: 180, weight: 0.6, territory: true },
  {
    name: (now) => `Legacy — SMB blitz ${now.getUTCFullYear() - 1}`,
    owner: 'Kevin Doyle',
    createdDaysAgo: 330,
    weight: 0.6,
    special: 'creator-removed',
  },
  { name: () => 'Holiday promo follow-up', owner: 'Marcus Chen', createdDaysAgo: 260, weight: 0.5, special: 'deleted' },
];

/** Inboxes of the named users: the demo rep has a disconnected personal Gmail (so that the
 * rep sees INBOX_DISCONNECTED), the manager Office 365, someone Exchange, someone IMAP. */
const NAMED_INBOXES: Record<string, ReadonlyArray<readonly [InboxProvider, boolean]>> = {
  'Sam Rivera': [
    ['google_workspace', true],
    ['gmail', false],
  ],
  'Morgan Lee': [['office365', true]],
  'Priya Natarajan': [['google_workspace', true]],
  'Diego Alvarez': [
    ['office365', true],
    ['gmail', false],
  ],
  'Emma Lindqvist': [
    ['google_workspace', true],
    ['gmail', true],
  ],
  'Tomasz Nowak': [['exchange', true]],
  'Ingrid Solberg': [
    ['office365', true],
    ['imap', false],
  ],
  'Marcus Chen': [['google_workspace', true]],
  'Aisha Bello': [
    ['imap', true],
    ['google_workspace', true],
  ],
  'Kevin Doyle': [['google_workspace', false]],
};

const ACCOUNT_DOMAIN = 'example.com';

// ---------------------------------------------------------------------------------------------

/** Generates the whole dataset into `sink`. Deterministic for the same seed, `now` and dataset. */
export async function generate(options: GenerateOptions, sink: SeedSink): Promise<GenerateResult> {
  const generator = new Generator(options, sink);
  return generator.run();
}

class Generator {
  private readonly cfg: DatasetConfig;
  private readonly rng: Random;
  private readonly now: number;
  /** Enrollments begin here. */
  private readonly windowStart: number;
  /** Email events begin here. */
  private readonly eventsFrom: number;
  /** Marketing sending stopped here (probation). */
  private readonly probationSince: number;
  private readonly batchSize: number;
  private readonly progress: (message: string) => void;

  private readonly writers: Record<string, TableWriter> = {};
  private users: UserInfo[] = [];
  private salesUsers: UserInfo[] = [];
  private sequences: SequenceInfo[] = [];

  // Companies, by id (index 0 unused).
  private companyDomains: string[] = [''];
  private companyProvider = new Uint8Array(0);
  private companyFlags = new Uint16Array(0);
  /** A company for a new contact: a few large accounts and a long tail of small ones. */
  private companyPicker: () => number = () => 1;

  // Contacts, by id (index 0 unused).
  private contactCount = 0;
  private contactFlags = new Uint16Array(0);
  private contactProvider = new Uint8Array(0);
  private contactCreatedAt = new Float64Array(0);
  private contactEngagedAt = new Float64Array(0);
  private contactName: string[] = [];
  private contactEmail: string[] = [];
  /** The sequence a contact is currently active (or paused) in, 0 when none. */
  private currentSequence = new Int32Array(0);
  private currentSince = new Float64Array(0);
  /** Marks contacts already drawn for the sequence being generated (value = sequence id). */
  private drawnFor = new Int32Array(0);

  private salesPool: Int32Array = new Int32Array(0);
  private flagPools = new Map<number, Int32Array>();
  private activeContacts: number[] = [];

  private nextEnrollmentId = 1;
  private nextEventId = 1;
  private salesEvents = 0;

  constructor(
    private readonly options: GenerateOptions,
    private readonly sink: SeedSink,
  ) {
    this.cfg = CONFIGS[options.dataset];
    this.rng = new Random(options.seed);
    this.now = Math.floor(options.now.getTime() / 1000) * 1000;
    this.windowStart = this.now - this.cfg.historyDays * DAY;
    this.eventsFrom = this.now - EVENT_DAYS * DAY;
    this.probationSince = this.now - 9 * DAY - 7 * HOUR;
    this.batchSize = options.batchSize ?? 20_000;
    this.progress = options.onProgress ?? (() => undefined);
    for (const [table, columns] of Object.entries(COLUMNS)) {
      if (table === 'contactFlags') continue;
      this.writers[table] = new TableWriter(sink, table, columns, this.batchSize);
    }
  }

  private w(table: keyof typeof COLUMNS): TableWriter {
    const writer = this.writers[table];
    if (!writer) throw new Error(`no writer for ${table}`);
    return writer;
  }

  private async flushAll(): Promise<void> {
    for (const writer of Object.values(this.writers)) await writer.flush();
  }

  private async addRow(table: keyof typeof COLUMNS, ...row: unknown[]): Promise<void> {
    const writer = this.w(table);
    writer.add(...row);
    if (writer.full) await writer.flush();
  }

  async run(): Promise<GenerateResult> {
    // Each phase's rows are flushed before the next phase refers to them (foreign keys).
    await this.genAccountAndUsers();
    await this.flushAll();
    await this.genCompanies();
    await this.flushAll();
    await this.genContacts();
    await this.flushAll();
    await this.planSequences();
    await this.flushAll();
    await this.genEnrollments();
    await this.flushAll();
    const marketingSends = await this.genMarketingEvents();
    await this.genMarketingEmails(marketingSends);
    await this.flushAll();

    const counts: Record<string, number> = {};
    for (const [table, writer] of Object.entries(this.writers)) counts[table] = writer.total;
    const live = this.sequences.filter((s) => s.special === null);
    const largest = this.sequences.reduce((a, b) => (b.size > a.size ? b : a));
    const small =
      this.cfg.fixedSizes.has(SMALL_CURATED) ? (this.sequences[SMALL_CURATED] as SequenceInfo) : live.reduce((a, b) => (b.size < a.size ? b : a));
    const ref = (s: SequenceInfo): SequenceRef => ({ id: s.id, name: s.name, enrollments: s.size });
    return {
      counts,
      largestSequence: ref(largest),
      smallSequence: ref(small),
      probationSince: new Date(this.probationSince),
      demoUserIds: { rep: 1, manager: 2, marketer: 3, admin: 4 },
    };
  }

  // ---- account, team, users, inboxes --------------------------------------------------------

  private async genAccountAndUsers(): Promise<void> {
    const rng = this.rng.fork('users');
    // Older than every contact, user and sequence.
    const accountCreated = this.windowStart - 2 * 365 * DAY - 30 * DAY;
    await this.addRow('account', 1, 'Brightline Analytics', 'starter', 'software', accountCreated);
    await this.addRow('teams', 1, 'Revenue team');

    const people: Array<{ email: string; name: string; role: UserInfo['role']; active: boolean; hash: string }> = [];
    for (const u of DEMO_USERS) people.push({ ...u, active: true, hash: this.options.demoPasswordHash });
    for (const r of TEAM_REPS) people.push({ email: personEmail(r.name), name: r.name, role: 'rep', active: r.active, hash: NO_SIGN_IN_HASH });
    const taken = new Set(people.map((p) => p.email));
    for (let i = 0; i < this.cfg.extraReps; i++) {
      let name = '';
      let email = '';
      do {
        name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        email = personEmail(name);
      } while (taken.has(email));
      taken.add(email);
      people.push({ email, name, role: 'rep', active: true, hash: NO_SIGN_IN_HASH });
    }

    let inboxId = 1;
    for (const [index, p] of people.entries()) {
      const id = index + 1;
      const created = accountCreated + rng.int(0, 200) * DAY;
      const removedAt = p.active ? Infinity : this.now - 75 * DAY;
      const teamId = p.role === 'rep' || p.role === 'manager' ? 1 : null;
      await this.addRow('users', id, p.email, p.name, p.role, p.hash, teamId, p.active, created);
      const user: UserInfo = { id, name: p.name, role: p.role, active: p.active, removedAt, inboxes: [] };
      this.users.push(user);
      if (p.role !== 'rep' && p.role !== 'manager') continue;
      this.salesUsers.push(user);

      const specs = NAMED_INBOXES[p.name] ?? generatedInboxes(rng);
      for (const [provider, connected] of specs) {
        const address = provider === 'gmail' ? `${slug(p.name)}.sales@gmail.com` : personEmail(p.name);
        const inbox: InboxInfo = { id: inboxId++, userId: id, provider, connected };
        user.inboxes.push(inbox);
        await this.addRow('inboxes', inbox.id, id, address, provider, connected, provider === 'gmail' ? 350 : 1000);
      }
    }
  }

  // ---- companies ----------------------------------------------------------------------------

  private async genCompanies(): Promise<void> {
    const rng = this.rng.fork('companies');
    const n = this.cfg.companies;
    this.companyProvider = new Uint8Array(n + 1);
    this.companyFlags = new Uint16Array(n + 1);
    const weights: Array<readonly [number, number]> = [];
    const names = new Set<string>();
    const domains = new Set<string>();
    const providerPick = rng.weightedPicker<number>([
      [0, 42], // Google Workspace
      [1, 45], // Microsoft 365
      [2, 1],
      [3, 12],
    ]);
    for (let id = 1; id <= n; id++) {
      let name = '';
      let domain = '';
      for (let attempt = 0; ; attempt++) {
        const brand = rng.pick(BRAND_HEADS) + rng.pick(BRAND_TAILS);
        const [legal, tld] = rng.weighted(LEGAL_FORMS);
        name = `${brand} ${rng.pick(INDUSTRY_WORDS)}${legal ? ` ${legal}` : ''}`;
        domain = `${slug(name.replace(/ (Inc\.|LLC|AB|AS|Sp\. z o\.o\.|GmbH|Ltd|Oy)$/, ''))}.${tld}`;
        if (attempt > 30) {
          name = `${name} ${id}`;
          domain = domain.replace(/\./, `${id}.`);
        }
        if (!names.has(name) && !domains.has(domain)) break;
      }
      names.add(name);
      domains.add(domain);
      this.companyProvider[id] = providerPick();
      // A few large accounts and a long tail of small ones.
      weights.push([id, 0.3 + Math.pow(rng.next(), 3) * 12]);
      await this.addRow('companies', id, name, domain);
      this.companyDomains.push(domain);
    }
    this.companyPicker = rng.weightedPicker(weights);
    // Companies that asked the platform to block their domain, and ones that opted out of all
    // email; picked among the larger ones so that they have contacts.
    const big = rng.weightedPicker(weights.map(([id, w]) => [id, w * w] as const));
    const blocked = Math.max(2, Math.round(n * 0.006));
    const optedOut = Math.max(2, Math.round(n * 0.005));
    for (let i = 0; i < blocked; i++) this.companyFlags[big()] |= F_BLOCKED_DOMAIN;
    for (let i = 0; i < optedOut; i++) {
      const id = big();
      if (!(this.companyFlags[id]! & F_BLOCKED_DOMAIN)) this.companyFlags[id] |= F_COMPANY_OPTED_OUT;
    }
  }

  // ---- contacts -----------------------------------------------------------------------------

  private async genContacts(): Promise<void> {
    const rng = this.rng.fork('contacts');
    const n = this.cfg.contacts;
    const imported = this.cfg.imports.reduce((sum, i) => sum + i.size, 0);
    const organic = n - imported;
    this.contactCount = n;
    this.contactFlags = new Uint16Array(n + 1);
    this.contactProvider = new Uint8Array(n + 1);
    this.contactCreatedAt = new Float64Array(n + 1);
    this.contactEngagedAt = new Float64Array(n + 1).fill(NaN);
    this.currentSequence = new Int32Array(n + 1);
    this.currentSince = new Float64Array(n + 1);
    this.drawnFor = new Int32Array(n + 1);

    // Creation times first, sorted, so that contact ids grow with creation time.
    const created = new Float64Array(organic);
    for (let i = 0; i < organic; i++) {
      created[i] = rng.chance(0.88)
        ? rng.timeBetween(this.windowStart - 2 * 365 * DAY, this.windowStart - DAY)
        : rng.timeBetween(this.windowStart, this.now - DAY);
    }
    created.sort();
    const importTimes: number[] = [];
    for (const imp of this.cfg.imports) {
      const at = atHour(this.now - imp.daysAgo * DAY, 14);
      for (let i = 0; i < imp.size; i++) importTimes.push(at + i * 1000);
    }

    const sales = this.salesUsers.filter((u) => u.active);
    const emails = new Set<string>();
    const contactsW = this.w('contacts');
    for (let id = 1; id <= n; id++) {
      const isImported = id > organic;
      const createdAt = isImported ? (importTimes[id - organic - 1] as number) : (created[id - 1] as number);
      const beforeWindow = createdAt < this.windowStart;
      const signup = !isImported && !beforeWindow; // came in through a form during the window
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const companyId = this.companyPicker();
      let flags = this.companyFlags[companyId]! & (F_BLOCKED_DOMAIN | F_COMPANY_OPTED_OUT);
      if (isImported) flags |= F_IMPORTED;

      // One piece of history at most per contact keeps each flag explainable.
      const r = rng.next();
      if (beforeWindow) {
        if (r < 0.008) flags |= F_BLOCKED_ADDRESS;
        else if (r < 0.038) flags |= F_BOUNCED_PORTAL;
        else if (r < 0.05) flags |= F_BOUNCED_GLOBAL;
        else if (r < 0.055) flags |= F_SPAM;
        else if (r < 0.08) flags |= F_UNSUB_ALL;
        else if (r < 0.11) flags |= F_UNSUB_SALES;
        else if (r < 0.128) flags |= F_ROLE_BASED;
        else if (r < 0.136) flags |= F_INVALID;
      } else if (signup) {
        if (r < 0.01) flags |= F_UNSUB_ALL;
        else if (r < 0.02) flags |= F_ROLE_BASED;
        else if (r < 0.03) flags |= F_INVALID;
      } else if (r < 0.03) {
        flags |= F_ROLE_BASED;
      }

      const personal = !isImported && !(flags & F_ROLE_BASED) && rng.chance(0.12);
      let domain = this.companyDomains[companyId] as string;
      let provider = this.companyProvider[companyId] as number;
      if (personal) {
        const [d, p] = rng.weighted(PERSONAL_DOMAINS);
        domain = d;
        provider = p;
      }
      let email = '';
      if (flags & F_ROLE_BASED) {
        email = `${rng.pick(ROLE_MAILBOXES)}@${domain}`;
        if (emails.has(email)) flags &= ~F_ROLE_BASED;
      }
      if (!(flags & F_ROLE_BASED)) {
        const local = `${slug(first)}.${slug(last)}`;
        email = `${local}@${domain}`;
        if (emails.has(email)) email = `${slug(first).charAt(0)}${slug(last)}@${domain}`;
        while (emails.has(email)) email = `${local}${rng.int(2, 999)}@${domain}`;
      }
      emails.add(email);

      const marketing = isImported || signup || rng.chance(0.6);
      if (marketing) flags |= F_MARKETING;
      const consent = isImported
        ? 'none'
        : signup
          ? rng.chance(0.85)
            ? 'explicit'
            : 'implied'
          : rng.weighted(CONSENT_MIX);
      let engagedAt = NaN;
      if (!isImported && rng.chance(flags & (F_BOUNCED_PORTAL | F_BOUNCED_GLOBAL | F_INVALID) ? 0.3 : 0.78)) {
        engagedAt = rng.timeBetween(Math.max(createdAt, this.now - 400 * DAY), this.now - DAY);
      }
      const ownerId = isImported ? null : rng.chance(beforeWindow ? 0.8 : 0.3) ? rng.pick(sales).id : null;
      const status =
        flags & F_BOUNCED_PORTAL ? 'bounced' : flags & (F_INVALID | F_BOUNCED_GLOBAL) ? 'invalid' : flags & F_ROLE_BASED ? 'role_based' : 'valid';

      this.contactFlags[id] = flags;
      this.contactProvider[id] = provider;
      this.contactCreatedAt[id] = createdAt;
      this.contactEngagedAt[id] = engagedAt;
      this.contactName[id] = `${first} ${last}`;
      this.contactEmail[id] = email;
      contactsW.add(
        id,
        first,
        last,
        email,
        companyId,
        ownerId,
        marketing,
        consent,
        Number.isNaN(engagedAt) ? null : engagedAt,
        status,
        !!(flags & F_BLOCKED_ADDRESS),
        !!(flags & F_BLOCKED_DOMAIN),
        !!(flags & F_BOUNCED_PORTAL),
        !!(flags & F_BOUNCED_GLOBAL),
        !!(flags & F_SPAM),
        !!(flags & F_UNSUB_ALL),
        !!(flags & F_UNSUB_SALES),
        createdAt,
      );
      if (contactsW.full) await contactsW.flush();
    }
    await contactsW.flush();

    // Pools the enrollments draw from: clean contacts for sequences, and for each enrollment
    // error the contacts whose own state explains it. All existed before the enrollments began.
    const pool: number[] = [];
    const flagged = new Map<number, number[]>();
    for (let id = 1; id <= organic; id++) {
      if (this.contactCreatedAt[id]! >= this.windowStart) continue;
      const flags = this.contactFlags[id]!;
      if (!(flags & F_NOT_FOR_SALES)) pool.push(id);
      for (const bit of [F_BLOCKED_ADDRESS, F_BLOCKED_DOMAIN, F_BOUNCED_PORTAL, F_BOUNCED_GLOBAL, F_SPAM, F_UNSUB_ALL, F_UNSUB_SALES]) {
        if (flags & bit) {
          let list = flagged.get(bit);
          if (!list) flagged.set(bit, (list = []));
          list.push(id);
        }
      }
    }
    this.salesPool = Int32Array.from(pool);
    for (const [bit, list] of flagged) this.flagPools.set(bit, Int32Array.from(list));
    this.progress(`contacts: ${n.toLocaleString('en')} (${pool.length.toLocaleString('en')} in the sales pool)`);
  }

  // ---- sequences and steps ------------------------------------------------------------------

  private async planSequences(): Promise<void> {
    const rng = this.rng.fork('sequences');
    const nowDate = new Date(this.now);
    const userByName = new Map(this.users.map((u) => [u.name, u]));
    const owners = this.salesUsers.filter((u) => u.active);

    const specs: CuratedSequence[] = CURATED_SEQUENCES.map((s) => ({ ...s, createdDaysAgo: s.createdDaysAgo * this.cfg.ageScale }));
    const usedNames = new Set(specs.map((s) => s.name(nowDate)));
    for (let i = 0; i < this.cfg.extraSequences; i++) {
      let name = '';
      do name = `${rng.pick(SEQUENCE_THEMES)} — ${rng.pick(SEQUENCE_SEGMENTS)}`;
      while (usedNames.has(name));
      usedNames.add(name);
      const owner = rng.chance(0.12) ? 'Sam Rivera' : rng.pick(owners).name;
      const fixed = name;
      specs.push({
        name: () => fixed,
        owner,
        createdDaysAgo: rng.int(40, this.cfg.historyDays - 10),
        weight: 0.3 + Math.pow(rng.next(), 2) * 2.5,
        sameCompany: rng.chance(0.25),
        territory: owner !== 'Sam Rivera' && rng.chance(0.3),
      });
    }

    // Sizes: fixed ones first, the rest by weight, so the totals are exact.
    const fixedTotal = [...this.cfg.fixedSizes.values()].reduce((a, b) => a + b, 0);
    const freeIdx = specs.map((_, i) => i).filter((i) => !this.cfg.fixedSizes.has(i));
    const cap = Math.max(...this.cfg.fixedSizes.values(), 0) || Infinity;
    const freeSizes = apportion(
      this.cfg.enrollments - fixedTotal,
      freeIdx.map((i) => (specs[i] as CuratedSequence).weight * rng.float(0.85, 1.15)),
      freeIdx.map(() => (cap === Infinity ? Infinity : Math.floor(cap * 0.75))),
    );
    const sizes = specs.map((_, i) => this.cfg.fixedSizes.get(i) ?? 0);
    freeIdx.forEach((i, k) => (sizes[i] = freeSizes[k] as number));

    const stepsW = this.w('sequence_steps');
    for (const [index, spec] of specs.entries()) {
      const id = index + 1;
      const owner = userByName.get(spec.owner) ?? (owners[0] as UserInfo);
      const createdAt = atHour(this.now - spec.createdDaysAgo * DAY, rng.int(8, 16)) + rng.int(0, 59) * MINUTE;
      let horizon = this.now;
      let deletedAt: number | null = null;
      if (spec.special === 'deleted') horizon = deletedAt = atHour(this.now - 40 * DAY, 11) + 23 * MINUTE;
      if (spec.special === 'creator-removed') horizon = owner.removedAt;

      const steps = makeSteps(rng);
      const offsets: number[] = [];
      const emailsBefore: number[] = [0, 0]; // no email before step 1
      let offset = 2 * MINUTE; // the first step goes out right after enrolling
      let emails = 0;
      for (const step of steps) {
        offset += step.delayDays * DAY;
        offsets.push(offset);
        if (isEmail(step.type)) emails++;
        emailsBefore.push(emails);
      }
      const seq: SequenceInfo = {
        id,
        name: spec.name(nowDate),
        ownerId: owner.id,
        createdAt,
        horizon,
        special: spec.special ?? null,
        sameCompany: !!spec.sameCompany,
        territory: !!spec.territory,
        quality: rng.float(0.7, 1.35),
        steps,
        offsets,
        emailsBefore,
        size: sizes[index] as number,
        counts: { active: 0, paused: 0, finished: 0, unenrolled: 0, failed: 0 },
        bulkBatches: [],
        current: [],
      };
      // Young sequences have relatively more contacts still in progress.
      const youth = spec.createdDaysAgo < 90 ? 2.2 : 1;
      const mix = STATUS_MIX.map(([, p], k) => p * rng.float(0.75, 1.25) * (k < 2 ? youth : 1));
      const counts = apportion(seq.size, mix);
      STATUS_MIX.forEach(([status], k) => (seq.counts[status] = counts[k] as number));
      const lower = Math.max(createdAt, this.windowStart);
      const batches = seq.size >= 200 ? rng.int(1, 3) : 0;
      const managers = this.users.filter((u) => u.role === 'manager' || u.role === 'admin');
      for (let b = 0; b < batches; b++) {
        const at = atHour(rng.timeBetween(lower + 10 * DAY, horizon - HOUR), rng.int(9, 17)) + rng.int(0, 3599) * 1000;
        if (at < horizon && at > lower + 7 * DAY) seq.bulkBatches.push({ at, by: rng.chance(0.85) ? 2 : rng.pick(managers).id });
      }
      this.sequences.push(seq);

      await this.addRow('sequences', id, seq.name, owner.id, owner.id, seq.sameCompany, createdAt, deletedAt);
      for (const step of steps) {
        stepsW.add(id, step.position, step.type, step.delayDays, step.subject);
        if (stepsW.full) await stepsW.flush();
      }
    }

    // A contact is in one sequence at a time: there must be enough clean contacts for every
    // active and paused enrollment. If not, the surplus finishes instead.
    const liveCurrent = this.sequences.filter((s) => !s.special).reduce((sum, s) => sum + s.counts.active + s.counts.paused, 0);
    const room = Math.floor(this.salesPool.length * 0.9);
    if (liveCurrent > room) {
      const ratio = room / liveCurrent;
      for (const s of this.sequences) {
        if (s.special) continue;
        for (const status of ['active', 'paused'] as const) {
          const keep = Math.floor(s.counts[status] * ratio);
          s.counts.finished += s.counts[status] - keep;
          s.counts[status] = keep;
        }
      }
    }
  }

  // ---- enrollments and their sales email ----------------------------------------------------

  private async genEnrollments(): Promise<void> {
    const rng = this.rng.fork('enrollments');
    // Phase A: who is in a sequence right now. Done for all sequences first, so that an
    // ALREADY_ENROLLED failure anywhere can point at the sequence the contact is active in.
    const order = rng.shuffle(Array.from(this.salesPool));
    let cursor = 0;
    for (const seq of this.sequences) {
      if (seq.special) continue;
      const pickers = this.enrolledByPickers(seq, rng);
      for (const status of ['active', 'paused'] as const) {
        for (let i = 0; i < seq.counts[status]; i++) {
          const contact = order[cursor++] as number;
          const enr = status === 'active' ? this.makeActive(rng, seq, contact, pickers.current()) : this.makePaused(rng, seq, contact, pickers.current());
          this.currentSequence[contact] = seq.id;
          this.currentSince[contact] = enr.enrolledAt;
          if (status === 'active') this.activeContacts.push(contact);
          seq.current.push(contact);
          await this.emitEnrollment(rng, enr);
        }
      }
    }
    this.progress(`enrollments: ${cursor.toLocaleString('en')} active or paused`);

    // Phase B: the history of every sequence.
    const failedCode = rng.weightedPicker(ENROLL_ERROR_WEIGHTS);
    let reported = 0;
    for (const seq of this.sequences) {
      const pickers = this.enrolledByPickers(seq, rng);
      for (const c of seq.current) this.drawnFor[c] = seq.id;
      const reasonPick = rng.weightedPicker(this.unenrollWeights(seq));
      if (seq.special) {
        // What would be in progress at the deletion / removal was unenrolled then.
        const reason: UnenrollReason = seq.special === 'deleted' ? 'SEQUENCE_DELETED' : 'CREATOR_REMOVED';
        for (let i = 0; i < seq.counts.active + seq.counts.paused; i++) {
          const by = seq.special === 'creator-removed' && rng.chance(0.7) ? seq.ownerId : pickers.current();
          const enr = this.makeActive(rng, seq, this.drawContact(rng, seq, null), by, seq.horizon);
          enr.status = 'unenrolled';
          enr.unenrollReason = reason;
          enr.unenrolledAt = seq.horizon;
          const next = seq.steps[enr.step - 1] as StepInfo;
          if (reason === 'CREATOR_REMOVED' && by === seq.ownerId && isEmail(next.type)) {
            enr.notSent = { at: seq.horizon, reason: 'SCHEDULER_REMOVED' };
          }
          enr.nextStepAt = null;
          await this.emitEnrollment(rng, enr);
        }
      }
      // Interleaved, so that ids do not group by status.
      const order = new Uint8Array(seq.counts.finished + seq.counts.unenrolled + seq.counts.failed);
      order.fill(1, seq.counts.finished).fill(2, seq.counts.finished + seq.counts.unenrolled);
      rng.shuffle(order);
      for (const kind of order) {
        const by = pickers.historic();
        const enr =
          kind === 0
            ? this.makeFinished(rng, seq, by)
            : kind === 1
              ? this.makeUnenrolled(rng, seq, by, reasonPick())
              : this.makeFailed(rng, seq, by, failedCode());
        await this.emitEnrollment(rng, enr);
      }
      if (this.nextEnrollmentId - reported > 100_000) {
        reported = this.nextEnrollmentId - 1;
        this.progress(`enrollments: ${reported.toLocaleString('en')}`);
      }
    }
  }

  /** Who enrolls into a sequence: mostly its owner, the demo rep often (also into sequences
   * of others), the manager sometimes, everyone else a little; in a territory sequence only
   * the owner and the manager. */
  private enrolledByPickers(seq: SequenceInfo, rng: Random): { current: () => number; historic: () => number } {
    const weights = (includeRemoved: boolean) =>
      this.salesUsers
        .filter((u) => u.active || includeRemoved)
        .filter((u) => !seq.territory || u.id === seq.ownerId || u.role === 'manager')
        .map((u) => {
          let w = 1;
          if (u.id === 1) w = seq.ownerId === 1 ? 6 : 3.5;
          else if (u.id === seq.ownerId) w = 5;
          else if (u.role === 'manager') w = 1.2;
          else if (!u.active) w = 0.5;
          return [u.id, w] as const;
        });
    return { current: rng.weightedPicker(weights(false)), historic: rng.weightedPicker(weights(true)) };
  }

  private unenrollWeights(seq: SequenceInfo): Array<readonly [UnenrollReason, number]> {
    const q = seq.quality;
    const list: Array<readonly [UnenrollReason, number]> = [
      ['REPLIED', 19 * q],
      ['EMAILED_OUTSIDE_SEQUENCE', 4 * q],
      ['REPLIED_FROM_OTHER_ADDRESS', 2.5 * q],
      ['EMAILED_FROM_ALIAS', 1.5 * q],
      ['MEETING_BOOKED', 9 * q],
      ['UNSUBSCRIBED', 6],
      ['BOUNCED', 6],
      ['WORKFLOW', 1.5],
      ['MANUAL', 14],
    ];
    if (seq.sameCompany) list.push(['COMPANY_MEMBER_REPLIED', 7]);
    if (seq.bulkBatches.length) list.push(['BULK', 12]);
    return list;
  }

  /** A contact for a history row of `seq`: from the pool for `flag` (or the clean pool), not
   * one already drawn for this sequence when that can be avoided. */
  private drawContact(rng: Random, seq: SequenceInfo, flag: number | null): number {
    const pool = flag === null ? this.salesPool : (this.flagPools.get(flag) ?? this.salesPool);
    let contact = 0;
    for (let attempt = 0; attempt < 12; attempt++) {
      contact = pool[Math.floor(rng.next() * pool.length)] as number;
      if (this.drawnFor[contact] !== seq.id) break;
    }
    this.drawnFor[contact] = seq.id;
    return contact;
  }

  private inboxFor(rng: Random, userId: number, want?: 'disconnected' | 'google'): InboxInfo | null {
    const user = this.users[userId - 1] as UserInfo;
    if (want === 'disconnected') return user.inboxes.find((i) => !i.connected) ?? null;
    if (want === 'google') return user.inboxes.find((i) => i.connected && (i.provider === 'gmail' || i.provider === 'google_workspace')) ?? null;
    const connected = user.inboxes.filter((i) => i.connected);
    const list = connected.length ? connected : user.inboxes;
    // The first inbox is the main one.
    return (list.length > 1 && rng.chance(0.25) ? list[1] : list[0]) ?? null;
  }

  private blank(seq: SequenceInfo, contact: number, by: number): Enrollment {
    return {
      id: 0,
      seq,
      contact,
      by,
      inbox: null,
      status: 'active',
      step: 1,
      enrollError: null,
      emailError: null,
      related: null,
      unenrollReason: null,
      unenrolledBy: null,
      unenrolledAt: null,
      enrolledAt: 0,
      lastActivityAt: null,
      nextStepAt: null,
      emailsSent: 0,
      opened: false,
      clicked: false,
      replied: false,
      meeting: false,
      lastEmail: 'delivered',
      notSent: null,
    };
  }

  /** Active at step k: the next step is scheduled in the future (the Scheduled tab). With
   * `horizon` in the past, "what was active then" (for deleted / removed sequences). */
  private makeActive(rng: Random, seq: SequenceInfo, contact: number, by: number, horizon = this.now): Enrollment {
    const e = this.blank(seq, contact, by);
    e.inbox = this.inboxFor(rng, by);
    const n = seq.steps.length;
    let k = Math.min(n, 1 + Math.floor(Math.pow(rng.next(), 1.4) * n));
    const lower = Math.max(seq.createdAt, this.windowStart);
    let next = 0;
    for (; k >= 1; k--) {
      const delay = seq.offsets[k - 1]! - (k > 1 ? seq.offsets[k - 2]! : 0);
      next = horizon + rng.float(10 * MINUTE, Math.max(delay, 20 * HOUR));
      e.enrolledAt = next - seq.offsets[k - 1]!;
      if (k === 1) e.enrolledAt = horizon - rng.float(10 * MINUTE, 20 * HOUR);
      if (e.enrolledAt >= lower) break;
    }
    e.step = Math.max(1, k);
    e.nextStepAt = next;
    e.lastActivityAt = e.step > 1 ? e.enrolledAt + seq.offsets[e.step - 2]! : e.enrolledAt;
    e.emailsSent = seq.emailsBefore[e.step]!;
    this.engage(rng, e);
    return e;
  }

  /** Paused at an email step that could not be sent (DOMAIN.md §2). */
  private makePaused(rng: Random, seq: SequenceInfo, contact: number, by: number): Enrollment {
    const e = this.blank(seq, contact, by);
    e.status = 'paused';
    let problem = rng.weighted(EMAIL_PROBLEM_WEIGHTS);
    if (problem === 'INBOX_DISCONNECTED') {
      e.inbox = this.inboxFor(rng, by, 'disconnected');
      if (!e.inbox) problem = 'SEND_LIMIT_REACHED';
    } else if (problem === 'GMAIL_SEND_ERROR') {
      // Enrolled from the Gmail extension: Gmail itself sends the first step.
      e.inbox = this.inboxFor(rng, by, 'google');
      if (!e.inbox) problem = 'SEND_FAILURE';
    }
    e.inbox ??= this.inboxFor(rng, by);
    e.emailError = problem;
    const emailSteps = seq.steps.filter((s) => isEmail(s.type)).map((s) => s.position);
    let k = problem === 'GMAIL_SEND_ERROR' ? 1 : rng.pick(emailSteps);
    const lower = Math.max(seq.createdAt, this.windowStart);
    let failedAt = rng.timeBetween(this.now - 25 * DAY, this.now - 30 * MINUTE);
    if (failedAt - seq.offsets[k - 1]! < lower) k = 1;
    if (failedAt - seq.offsets[k - 1]! < lower) failedAt = lower + seq.offsets[0]! + HOUR;
    e.step = k;
    e.enrolledAt = failedAt - seq.offsets[k - 1]!;
    e.lastActivityAt = failedAt;
    e.emailsSent = seq.emailsBefore[k]!;
    const provider = (e.inbox as InboxInfo).provider;
    const reason: NotSentReason =
      problem === 'SEND_LIMIT_REACHED'
        ? 'PROVIDER_RATE_LIMIT'
        : problem === 'INBOX_DISCONNECTED'
          ? 'INBOX_CONNECTION_FAILED'
          : problem === 'GMAIL_SEND_ERROR'
            ? 'UNDETERMINED'
            : rng.weighted(
                SEND_FAILURE_REASONS[provider === 'office365' || provider === 'exchange' ? 'microsoft' : provider === 'imap' ? 'imap' : 'google'],
              );
    e.notSent = { at: failedAt, reason };
    this.engage(rng, e);
    return e;
  }

  private horizonFor(seq: SequenceInfo, by: number): number {
    return Math.min(seq.horizon, (this.users[by - 1] as UserInfo).removedAt, this.now);
  }

  /** Places an enrollment so that something `offset` ms after enrolling happens before
   * `latest`, never before the sequence (or the history) began. Returns false if it cannot. */
  private place(rng: Random, e: Enrollment, offset: number, latest: number): boolean {
    const lower = Math.max(e.seq.createdAt, this.windowStart);
    const upper = latest - offset - MINUTE;
    if (upper <= lower) return false;
    e.enrolledAt = nudgeToWorkHours(rng, rng.timeBetween(lower, upper), lower, upper);
    return true;
  }

  private makeFinished(rng: Random, seq: SequenceInfo, by: number): Enrollment {
    const e = this.blank(seq, 0, by);
    e.contact = this.drawContact(rng, seq, null);
    e.inbox = this.inboxFor(rng, by);
    e.status = 'finished';
    const n = seq.steps.length;
    const total = seq.offsets[n - 1]!;
    if (!this.place(rng, e, total, this.horizonFor(seq, by))) return this.makeFailed(rng, seq, by, 'UNSUBSCRIBED_PERSONAL');
    e.step = n;
    e.unenrollReason = 'FINISHED';
    e.unenrolledAt = e.lastActivityAt = e.enrolledAt + total;
    e.emailsSent = seq.emailsBefore[n + 1]!;
    this.engage(rng, e);
    return e;
  }

  private makeUnenrolled(rng: Random, seq: SequenceInfo, by: number, wanted: UnenrollReason): Enrollment {
    let reason = wanted;
    const e = this.blank(seq, 0, by);
    e.status = 'unenrolled';
    e.inbox = this.inboxFor(rng, by);
    const n = seq.steps.length;
    // Contacts reply or book after the first emails far more often than late. A bounce comes
    // back within minutes of the first email and ends the enrollment there.
    const k = reason === 'BOUNCED' ? 2 : Math.min(n, 2 + Math.floor(Math.pow(rng.next(), 2) * (n - 1)));
    const offset =
      reason === 'BOUNCED'
        ? seq.offsets[0]! + rng.float(MINUTE, 2 * HOUR)
        : seq.offsets[k - 2]! + rng.float(0.05, 0.95) * (seq.offsets[k - 1]! - seq.offsets[k - 2]!);
    let latest = this.horizonFor(seq, by);
    if (reason === 'WORKFLOW') latest = Math.min(latest, this.now - 120 * DAY); // an old enterprise trial
    let at = 0;
    if (reason === 'BULK') {
      const batch = rng.pick(seq.bulkBatches);
      e.enrolledAt = batch.at - offset;
      if (e.enrolledAt >= Math.max(seq.createdAt, this.windowStart) && batch.at <= latest) {
        at = batch.at;
        e.unenrolledBy = batch.by;
      } else reason = 'MANUAL';
    }
    if (!at) {
      if (!this.place(rng, e, offset, latest)) return this.makeFinished(rng, seq, by);
      at = e.enrolledAt + offset;
    }
    e.contact = this.drawContact(rng, seq, reason === 'UNSUBSCRIBED' ? F_UNSUB_SALES : reason === 'BOUNCED' ? F_BOUNCED_PORTAL : null);
    if (reason === 'MANUAL') {
      // A rep can only unenroll what they enrolled; the manager anything.
      e.unenrolledBy = rng.chance(0.7) ? by : 2;
      if (rng.chance(0.25) && isEmail((seq.steps[k - 1] as StepInfo).type)) e.notSent = { at, reason: 'CANCELLED_BY_USER' };
    }
    e.step = k;
    e.unenrollReason = reason;
    e.unenrolledAt = e.lastActivityAt = at;
    e.emailsSent = seq.emailsBefore[k]!;
    if (reason === 'BOUNCED') e.lastEmail = 'hard';
    if (reason === 'UNSUBSCRIBED') e.lastEmail = 'unsubscribed';
    if (REPLY_REASONS.has(reason)) e.replied = true;
    if (reason === 'MEETING_BOOKED') {
      e.meeting = true;
      e.replied = rng.chance(0.6);
    }
    this.engage(rng, e);
    return e;
  }

  private makeFailed(rng: Random, seq: SequenceInfo, by: number, wanted: EnrollErrorCode): Enrollment {
    let code = wanted;
    // Nothing is in progress in a deleted / orphaned sequence to collide with.
    if (code === 'ALREADY_ENROLLED' && (seq.special || !this.activeContacts.length)) code = 'UNSUBSCRIBED_PERSONAL';
    const flag = ERROR_FLAG[code];
    if (flag !== undefined && !this.flagPools.get(flag)?.length) code = 'OTHER_SEND_REJECTED';
    const e = this.blank(seq, 0, by);
    e.status = 'failed';
    e.enrollError = code;
    e.inbox = this.inboxFor(rng, by);
    const latest = this.horizonFor(seq, by);
    if (code === 'ALREADY_ENROLLED') {
      // Tried after the contact entered the other sequence, which they are still active in.
      for (let attempt = 0; attempt < 20; attempt++) {
        const contact = rng.pick(this.activeContacts);
        const since = this.currentSince[contact]! + HOUR;
        if (this.currentSequence[contact] === seq.id || since >= latest - MINUTE) continue;
        e.contact = contact;
        e.related = this.currentSequence[contact]!;
        e.enrolledAt = nudgeToWorkHours(rng, rng.timeBetween(since, latest - MINUTE), since, latest - MINUTE);
        e.lastActivityAt = e.enrolledAt;
        return e;
      }
      code = e.enrollError = 'UNSUBSCRIBED_PERSONAL';
    }
    if (code === 'OTHER_SEND_REJECTED') {
      // The provider rejected one of the sequence's emails; nothing more can be sent, so the
      // enrollment stops at the step after it.
      const n = seq.steps.length;
      const emailSteps = seq.steps.filter((s) => isEmail(s.type)).map((s) => s.position);
      const p = emailSteps[Math.min(emailSteps.length - 1, Math.floor(Math.pow(rng.next(), 2) * emailSteps.length))]!;
      if (this.place(rng, e, seq.offsets[p - 1]!, latest)) {
        e.contact = this.drawContact(rng, seq, null);
        e.step = Math.min(n, p + 1);
        e.emailsSent = seq.emailsBefore[p]! + 1;
        e.lastActivityAt = e.enrolledAt + seq.offsets[p - 1]!;
        e.lastEmail = 'soft';
        return e;
      }
      code = e.enrollError = 'UNSUBSCRIBED_PERSONAL';
    }
    e.contact = this.drawContact(rng, seq, ERROR_FLAG[code] ?? null);
    if (!this.place(rng, e, 0, latest)) e.enrolledAt = Math.max(seq.createdAt, this.windowStart);
    e.lastActivityAt = e.enrolledAt;
    return e;
  }

  /** Opens and clicks, by how good the sequence is and how many emails went out. */
  private engage(rng: Random, e: Enrollment): void {
    const delivered = deliveredEmails(e);
    if (delivered === 0) return;
    const q = e.seq.quality;
    e.opened = e.replied || e.meeting || e.lastEmail === 'unsubscribed' || rng.chance(1 - Math.pow(1 - 0.2 * q, delivered));
    e.clicked = e.opened && rng.chance(0.1 * q + (e.meeting ? 0.3 : 0));
  }

  private async emitEnrollment(rng: Random, e: Enrollment): Promise<void> {
    e.id = this.nextEnrollmentId++;
    const seq = e.seq;
    await this.addRow(
      'enrollments',
      e.id,
      seq.id,
      e.contact,
      e.by,
      e.inbox?.id ?? null,
      e.status,
      e.step,
      e.enrollError,
      e.emailError,
      e.related,
      e.unenrollReason,
      e.unenrolledBy,
      e.unenrolledAt,
      e.enrolledAt,
      e.lastActivityAt,
      e.nextStepAt,
      e.emailsSent,
      e.opened,
      e.clicked,
      e.replied,
      e.meeting,
      this.contactName[e.contact],
      this.contactEmail[e.contact],
    );

    // One event per email the sequence sent, at the time of its step; the last one carries the
    // outcome that ended the enrollment (bounce, rejection, unsubscribe).
    const provider = MAILBOX_PROVIDERS[this.contactProvider[e.contact]!] as MailboxProvider;
    let sent = 0;
    const firstOpen = e.opened ? rng.int(1, deliveredEmails(e)) : Infinity;
    for (const step of seq.steps) {
      if (sent >= e.emailsSent) break;
      if (!isEmail(step.type)) continue;
      sent++;
      const last = sent === e.emailsSent;
      const at = e.enrolledAt + seq.offsets[step.position - 1]!;
      if (at < this.eventsFrom) continue;
      const bounce = last && (e.lastEmail === 'hard' || e.lastEmail === 'soft') ? e.lastEmail : null;
      const opened =
        !bounce && (sent === firstOpen || (sent > firstOpen && rng.chance(0.55)) || (last && (e.replied || e.lastEmail === 'unsubscribed')));
      await this.addRow(
        'email_events',
        this.nextEventId++,
        at,
        'sales',
        e.contact,
        e.id,
        provider,
        true,
        null,
        !bounce,
        bounce,
        opened,
        e.clicked && sent === firstOpen,
        false,
        last && e.lastEmail === 'unsubscribed',
      );
      this.salesEvents++;
    }
    if (e.notSent && e.notSent.at >= this.eventsFrom) {
      await this.addRow('email_events', this.nextEventId++, e.notSent.at, 'sales', e.contact, e.id, provider, false, e.notSent.reason, false, null, false, false, false, false);
      this.salesEvents++;
    }
  }

  // ---- marketing email ----------------------------------------------------------------------

  private async genMarketingEvents(): Promise<MarketingSend[]> {
    const rng = this.rng.fork('marketing');
    const n = this.contactCount;

    // Marketing contacts in order of creation: the audience at time t is a prefix.
    const marketing: number[] = [];
    for (let id = 1; id <= n; id++) if (this.contactFlags[id]! & F_MARKETING) marketing.push(id);
    marketing.sort((a, b) => this.contactCreatedAt[a]! - this.contactCreatedAt[b]! || a - b);
    const createdSorted = Float64Array.from(marketing, (id) => this.contactCreatedAt[id]!);
    const eligibleAt = (t: number) => upperBound(createdSorted, t);

    // The schedule: a weekly newsletter, a weekly campaign, and a blast to each imported list
    // the day after it came in. Nothing after probation began.
    let sends: MarketingSend[] = [];
    const firstDay = Math.floor(this.eventsFrom / DAY) * DAY;
    let campaignNo = 0;
    for (let day = firstDay + DAY; day < this.probationSince; day += DAY) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 2) {
        sends.push({ at: day + 9 * HOUR, kind: 'newsletter', name: `The Brightline Brief — ${shortDate(day)}`, weight: 0.9 });
      } else if (weekday === 4) {
        const name = CAMPAIGN_NAMES[campaignNo++ % CAMPAIGN_NAMES.length] as string;
        sends.push({ at: day + 15 * HOUR, kind: 'campaign', name, weight: rng.float(0.35, 0.6) });
      }
    }
    let importStart = n - this.cfg.imports.reduce((s, i) => s + i.size, 0) + 1;
    for (const imp of this.cfg.imports) {
      const at = atHour(this.now - imp.daysAgo * DAY, 14) + 20 * HOUR;
      sends.push({ at, kind: 'blast', name: `Intro offer — ${imp.name}`, weight: 0.12, cohort: [importStart, importStart + imp.size - 1] });
      importStart += imp.size;
    }
    sends = sends.filter((s) => s.at < this.probationSince);
    sends.sort((a, b) => a.at - b.at);

    // Incidents on older sends explain the account-side reasons for not sending.
    const older = sends.filter((s) => s.at < this.now - 60 * DAY);
    const incidents: Array<readonly [NotSentReason, number]> = [
      ['ACCOUNT_SEND_LIMIT', 0.08],
      ['CANCELLED_BY_USER', 0.05],
      ['ACCOUNT_SUSPENDED', 0.03],
      ['FROM_ADDRESS_INVALID', 0.02],
    ];
    for (const [reason, rate] of incidents) {
      const send = rng.pick(older);
      if (!send.incident) send.incident = { reason, rate };
    }

    // Audience sizes: the marketing share of the events, spread by weight, never more than
    // the contacts that existed at the time.
    const target = Math.max(0, this.cfg.emailEvents - this.salesEvents);
    const forced = sends.map((s) => (s.cohort ? s.cohort[1] - s.cohort[0] + 1 : 0));
    const caps = sends.map((s, i) => Math.max(0, eligibleAt(s.at) - (forced[i] as number)));
    const extra = apportion(
      Math.max(0, target - forced.reduce((a, b) => a + b, 0)),
      sends.map((s, i) => s.weight * (caps[i] as number)),
      caps,
    );
    sends.forEach((s, i) => (s.size = (extra[i] as number) + (forced[i] as number)));

    // The imported lists are what put the account on probation: enough of their addresses are
    // bad for the hard-bounce rate of the health window (30 days without the last 48 h) to
    // land near 6.5%. The share is set at the first blast, from how much of an audience
    // actually got sent to so far.
    const windowFrom = this.now - 30 * DAY;
    const windowTo = this.now - 2 * DAY;
    const inWindow = sends.filter((s) => s.at >= windowFrom && s.at < windowTo);
    const windowAudience = inWindow.reduce((sum, s) => sum + (s.size ?? 0), 0);
    const cohortInWindow = inWindow.reduce((sum, s) => sum + (s.cohort ? s.cohort[1] - s.cohort[0] + 1 : 0), 0);
    const baseHard = 0.004;
    let badShare = -1;
    let audienceSoFar = 0;
    let sentSoFar = 0;

    // Per-contact state that marketing email changes: 1 bounced, 2 unsubscribed from all,
    // 3 reported spam, 4 unsubscribed from the newsletter only.
    const state = new Uint8Array(n + 1);
    const stamp = new Int32Array(n + 1);
    const scratch = new Int32Array(marketing.length);
    const writer = this.w('email_events');
    const lowEngagementBefore = this.now - 180 * DAY;

    for (const [index, send] of sends.entries()) {
      const sendNo = index + 1;
      const size = send.size ?? 0;
      if (send.cohort && badShare < 0) {
        const windowSent = windowAudience * (audienceSoFar ? sentSoFar / audienceSoFar : 0.9);
        badShare = clamp((0.065 * windowSent - baseHard * windowSent * 0.75) / cohortInWindow, 0.05, 0.85);
      }
      const eligible = eligibleAt(send.at);
      const audience: number[] = [];
      if (send.cohort) for (let c = send.cohort[0]; c <= send.cohort[1]; c++) audience.push(c);
      for (const c of audience) stamp[c] = sendNo;
      // Partial Fisher–Yates over the eligible prefix: a uniform sample without repeats. Lists
      // mostly leave out contacts that cannot be emailed, as long as the send can still fill.
      for (let i = 0; i < eligible; i++) scratch[i] = marketing[i]!;
      let remaining = eligible;
      while (audience.length < size && remaining > 0) {
        const j = Math.floor(rng.next() * remaining);
        const c = scratch[j]!;
        scratch[j] = scratch[--remaining]!;
        if (stamp[c] === sendNo) continue;
        const suppressed = this.contactFlags[c]! & F_SUPPRESSED || (state[c]! > 0 && state[c]! < 4);
        if (suppressed && remaining >= size - audience.length && rng.chance(0.75)) continue;
        stamp[c] = sendNo;
        audience.push(c);
      }
      audienceSoFar += audience.length;

      let sentCount = 0;
      for (const c of audience) {
        const flags = this.contactFlags[c]!;
        const st = state[c]!;
        const at = send.at + rng.int(0, 25 * 60) * 1000;
        let reason: NotSentReason | null = null;
        if (flags & F_UNSUB_ALL || st === 2) reason = 'UNSUBSCRIBED_ALL';
        else if (st === 4 && send.kind === 'newsletter') reason = 'UNSUBSCRIBED_TYPE';
        else if (flags & F_BOUNCED_PORTAL || st === 1) reason = 'PREVIOUSLY_BOUNCED';
        else if (flags & F_SPAM || st === 3) reason = 'PREVIOUSLY_MARKED_SPAM';
        else if (flags & F_BOUNCED_GLOBAL) reason = 'BOUNCED_GLOBALLY';
        else if (flags & F_BLOCKED_ADDRESS) reason = 'BLOCKED_BY_RECIPIENT_OR_SPAM_TRAP';
        else if (flags & F_BLOCKED_DOMAIN) reason = 'RECIPIENT_DOMAIN_BLOCKED';
        else if (flags & F_COMPANY_OPTED_OUT) reason = 'COMPANY_OPTED_OUT';
        else if (flags & F_INVALID) reason = 'RECIPIENT_INVALID';
        else if (flags & F_ROLE_BASED) reason = 'TO_ADDRESS_INVALID';
        else if (!(flags & F_IMPORTED) && send.at - this.contactCreatedAt[c]! < 3 * DAY && rng.chance(0.4)) reason = 'DOUBLE_OPT_IN_PENDING';
        else if (!(flags & F_IMPORTED) && !(this.contactEngagedAt[c]! >= lowEngagementBefore) && rng.chance(0.03)) reason = 'LOW_ENGAGEMENT';
        else if (send.incident && rng.chance(send.incident.rate)) reason = send.incident.reason;
        else {
          const r = rng.next();
          if (r < 0.002) reason = 'FREQUENCY_CAP';
          else if (r < 0.0035) reason = 'MAILBOX_FULL';
          else if (r < 0.0042) reason = rng.pick(MARKETING_SENDER_FAILURES);
        }
        const provider = MAILBOX_PROVIDERS[this.contactProvider[c]!];
        if (reason) {
          writer.add(this.nextEventId++, at, 'marketing', c, null, provider, false, reason, false, null, false, false, false, false);
          if (writer.full) await writer.flush();
          continue;
        }

        sentCount++;
        // Outcomes that change the contact's state only reach contacts outside any sequence,
        // so that no one active in a sequence turns out to be unsubscribed or bounced.
        const free = this.currentSequence[c] === 0;
        const imported = !!(flags & F_IMPORTED);
        let bounce: 'hard' | 'soft' | null = null;
        let opened = false;
        let clicked = false;
        let spam = false;
        let unsub = false;
        if (free && (send.cohort && c >= send.cohort[0] && c <= send.cohort[1] ? rng.chance(badShare) : rng.chance(baseHard))) {
          bounce = 'hard';
          state[c] = 1;
        } else if (rng.chance(imported ? 0.03 : 0.012)) {
          bounce = 'soft';
        } else {
          const engaged = this.contactEngagedAt[c]! >= lowEngagementBefore;
          opened = rng.chance(imported ? 0.09 : engaged ? 0.36 : 0.17);
          clicked = opened && rng.chance(0.04);
          if (free && rng.chance(imported ? 0.012 : 0.0032)) {
            unsub = true;
            state[c] = send.kind === 'newsletter' && rng.chance(0.4) ? 4 : 2;
          } else if (free && rng.chance(imported ? 0.002 : 0.0002)) {
            spam = true;
            state[c] = 3;
          }
        }
        writer.add(this.nextEventId++, at, 'marketing', c, null, provider, true, null, bounce === null, bounce, opened, clicked, spam, unsub);
        if (writer.full) await writer.flush();
      }
      send.sentCount = sentCount;
      sentSoFar += sentCount;
    }
    await writer.flush();

    // What marketing email taught us about contacts goes back onto them.
    // (Only contacts that could be sent to change state, so their address was 'valid'.)
    const changed: unknown[][] = [[], [], [], [], []];
    for (let c = 1; c <= n; c++) {
      const st = state[c]!;
      if (st === 0 || st === 4) continue;
      changed[0]!.push(c);
      changed[1]!.push(st === 1 ? 'bounced' : 'valid');
      changed[2]!.push(st === 1);
      changed[3]!.push(st === 3);
      changed[4]!.push(st === 2);
    }
    for (let from = 0; from < changed[0]!.length; from += this.batchSize) {
      await this.sink.update(
        'contacts',
        COLUMNS.contactFlags,
        changed.map((column) => column.slice(from, from + this.batchSize)),
      );
    }
    this.progress(`email events: ${(this.nextEventId - 1).toLocaleString('en')}`);
    return sends;
  }

  private async genMarketingEmails(sends: MarketingSend[]): Promise<void> {
    const rng = this.rng.fork('marketing-emails');
    // The tool lists the latest sends, the ones held back by probation, and drafts.
    const recent = sends.slice(-10);
    let id = 1;
    for (const s of recent) {
      await this.addRow('marketing_emails', id++, s.name, 'sent', s.sentCount ?? 0, s.at, s.at, s.at - rng.int(2, 9) * DAY);
    }
    const held = ['Spring release highlights', 'Webinar invite: Forecasting that finance trusts', 'The Brightline Brief — next issue'];
    for (const [i, name] of held.entries()) {
      const at = atHour(this.now + (2 + i * 3) * DAY, 9);
      await this.addRow('marketing_emails', id++, name, 'scheduled', 0, at, null, this.now - rng.int(3, 12) * DAY);
    }
    for (const name of ['Customer story: Nordvik Freight cut churn 18%', 'Survey: help shape our roadmap']) {
      await this.addRow('marketing_emails', id++, name, 'draft', 0, null, null, this.now - rng.int(1, 20) * DAY);
    }
  }
}

interface Enrollment {
  id: number;
  seq: SequenceInfo;
  contact: number;
  by: number;
  inbox: InboxInfo | null;
  status: Status;
  step: number;
  enrollError: EnrollErrorCode | null;
  emailError: EmailProblem | null;
  related: number | null;
  unenrollReason: UnenrollReason | null;
  unenrolledBy: number | null;
  unenrolledAt: number | null;
  enrolledAt: number;
  lastActivityAt: number | null;
  nextStepAt: number | null;
  emailsSent: number;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
  meeting: boolean;
  /** How the last email sent ended. */
  lastEmail: 'delivered' | 'hard' | 'soft' | 'unsubscribed';
  /** An email the platform did not send (a paused step, a cancelled or orphaned one). */
  notSent: { at: number; reason: NotSentReason } | null;
}

interface MarketingSend {
  at: number;
  kind: 'newsletter' | 'campaign' | 'blast';
  name: string;
  weight: number;
  /** An imported list (contact id range) that this send goes to in full. */
  cohort?: readonly [number, number];
  incident?: { reason: NotSentReason; rate: number };
  size?: number;
  sentCount?: number;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isEmail(type: StepType): boolean {
  return type === 'automated_email' || type === 'manual_email';
}

/** Emails that reached the inbox: a bounced or rejected last email did not. */
function deliveredEmails(e: Enrollment): number {
  return e.emailsSent - (e.lastEmail === 'hard' || e.lastEmail === 'soft' ? 1 : 0);
}

function makeSteps(rng: Random): StepInfo[] {
  const n = rng.int(3, 7);
  const steps: StepInfo[] = [];
  const firstSubject = rng.pick(SUBJECTS);
  const typePick = rng.weightedPicker<StepType>([
    ['automated_email', 45],
    ['manual_email', 12],
    ['call', 20],
    ['task', 11],
    ['linkedin', 12],
  ]);
  for (let position = 1; position <= n; position++) {
    let type: StepType = position === 1 ? 'automated_email' : typePick();
    if (position === n && rng.chance(0.6)) type = 'automated_email';
    const delayDays = position === 1 ? 0 : isEmail(type) ? rng.int(2, 4) : rng.int(1, 3);
    let subject: string | null = null;
    if (position === 1) subject = firstSubject;
    else if (position === n && isEmail(type)) subject = rng.pick(BREAKUP_SUBJECTS);
    else if (isEmail(type)) subject = rng.chance(0.5) ? `Re: ${firstSubject}` : rng.pick(SUBJECTS);
    steps.push({ position, type, delayDays, subject });
  }
  return steps;
}

function generatedInboxes(rng: Random): Array<readonly [InboxProvider, boolean]> {
  const main = rng.weighted<InboxProvider>([
    ['google_workspace', 40],
    ['office365', 35],
    ['exchange', 10],
    ['imap', 5],
    ['gmail', 10],
  ]);
  const list: Array<readonly [InboxProvider, boolean]> = [[main, true]];
  if (rng.chance(0.3)) list.push([rng.chance(0.6) ? 'gmail' : 'imap', rng.chance(0.6)]);
  return list;
}

/** Splits `total` into integer parts proportional to `weights`, each at most its cap, summing
 * to exactly `total` when the caps allow (water-filling, then largest remainders). */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const cap = (i: number) => caps?.[i] ?? Infinity;
  const share = new Array<number>(n).fill(0);
  const open = new Set<number>();
  for (let i = 0; i < n; i++) if ((weights[i] as number) > 0 && cap(i) > 0) open.add(i);
  let remaining = total;
  for (;;) {
    const sum = [...open].reduce((s, i) => s + (weights[i] as number), 0);
    if (sum <= 0 || remaining <= 0) break;
    let clamped = false;
    for (const i of [...open]) {
      if ((remaining * (weights[i] as number)) / sum > cap(i)) {
        share[i] = cap(i);
        remaining -= cap(i);
        open.delete(i);
        clamped = true;
      }
    }
    if (!clamped) {
      for (const i of open) share[i] = (remaining * (weights[i] as number)) / sum;
      break;
    }
  }
  const parts = share.map((s) => Math.floor(s));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = share.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    if ((parts[i] as number) < cap(i) && open.has(i)) {
      parts[i] = (parts[i] as number) + 1;
      left--;
    }
  }
  return parts;
}

/** Index of the first element greater than `value` in a sorted array. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** The given day at `hour`:00 UTC. */
function atHour(t: number, hour: number): number {
  return Math.floor(t / DAY) * DAY + hour * HOUR;
}

/** People work on weekdays, in office hours: move most times there, within [lo, hi]. */
function nudgeToWorkHours(rng: Random, t: number, lo: number, hi: number): number {
  if (!rng.chance(0.85)) return t;
  let day = Math.floor(t / DAY) * DAY;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += rng.chance(0.5) ? -DAY : 2 * DAY;
  else if (weekday === 0) day += rng.chance(0.5) ? -2 * DAY : DAY;
  const moved = day + rng.int(7 * 60, 17 * 60) * MINUTE + rng.int(0, 59) * 1000;
  return moved >= lo && moved <= hi ? moved : t;
}

function shortDate(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

const FOLD: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd' };

/** Lowercase ASCII letters and digits only: for email local parts and domains. */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁæÆßđ]/g, (m) => FOLD[m] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function personEmail(fullName: string): string {
  const [first = '', ...rest] = fullName.split(' ');
  return `${slug(first)}.${slug(rest.join(''))}@${ACCOUNT_DOMAIN}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabularies: small lists that combine into names that look real.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const FIRST_NAMES = [
  'James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'William', 'Sophia', 'Lucas', 'Mia', 'Benjamin', 'Charlotte',
  'Henry', 'Amelia', 'Alexander', 'Harper', 'Daniel', 'Evelyn', 'Michael', 'Abigail', 'Ethan', 'Emily', 'David',
  'Elizabeth', 'Joseph', 'Sofia', 'Samuel', 'Grace', 'Matthew', 'Chloe', 'Ryan', 'Hannah', 'Nathan', 'Zoe', 'Owen',
  'Nora', 'Erik', 'Astrid', 'Lars', 'Ingrid', 'Johan', 'Elin', 'Magnus', 'Sigrid', 'Anders', 'Karin', 'Nils', 'Maja',
  'Henrik', 'Linnea', 'Ola', 'Kari', 'Bjørn', 'Solveig', 'Jakub', 'Zofia', 'Piotr', 'Agnieszka', 'Tomasz', 'Katarzyna',
  'Michał', 'Magdalena', 'Paweł', 'Aleksandra', 'Łukasz', 'Joanna', 'Carlos', 'María', 'Javier', 'Lucía', 'Diego',
  'Camila', 'Mateo', 'Valentina', 'Priya', 'Arjun', 'Ananya', 'Rohan', 'Aisha', 'Omar', 'Fatima', 'Yusuf', 'Wei', 'Mei',
  'Jun', 'Hana', 'Kenji', 'Yuki', 'Min-jun', 'Seo-yeon', 'Chidi', 'Amara', 'Kwame', 'Zanele', 'Thabo', 'Ngozi',
  'Sean', 'Siobhan', 'Liam', 'Aoife', 'Mateusz', 'Julia', 'Felix', 'Clara', 'Leon', 'Lena', 'Jonas', 'Marie',
];

const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris',
  'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams',
  'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Lindberg',
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Haugen', 'Bakken',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański',
  'Woźniak', 'Dąbrowski', 'Kozłowski', 'Fernández', 'González', 'Sánchez', 'Pérez', 'Romero', 'Navarro', 'Patel',
  'Sharma', 'Iyer', 'Reddy', 'Khan', 'Ahmed', 'Hassan', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Tanaka', 'Sato',
  'Suzuki', 'Kim', 'Park', 'Choi', 'Okafor', 'Mensah', 'Dlamini', 'Nkosi', 'Adeyemi', "O'Brien", 'Murphy', 'Kelly',
  'Byrne', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Dubois', 'Laurent', 'Rossi', 'Russo',
  'Bianchi', 'de Vries', 'Jansen', 'Virtanen', 'Korhonen',
];

const ROLE_MAILBOXES = ['info', 'sales', 'support', 'contact', 'hello', 'billing', 'office', 'admin'];

const PERSONAL_DOMAINS: ReadonlyArray<readonly [readonly [string, number], number]> = [
  [['gmail.com', 0], 55],
  [['outlook.com', 1], 12],
  [['hotmail.com', 1], 10],
  [['yahoo.com', 2], 12],
  [['icloud.com', 3], 8],
  [['proton.me', 3], 3],
];

const CONSENT_MIX: ReadonlyArray<readonly [string, number]> = [
  ['explicit', 40],
  ['implied', 35],
  ['none', 25],
];

const BRAND_HEADS = [
  'Blue', 'North', 'Bright', 'Iron', 'Silver', 'Pine', 'Harbor', 'Summit', 'Nova', 'Vertex', 'Cedar', 'Atlas', 'Granite',
  'Aurora', 'Fjord', 'Birch', 'Copper', 'Falcon', 'Maple', 'Orbit', 'Polar', 'Quartz', 'River', 'Sage', 'Tidal', 'Vista',
  'Willow', 'Zenith', 'Alder', 'Beacon', 'Cobalt', 'Delta', 'Ember', 'Glacier', 'Helix', 'Indigo', 'Juniper', 'Kestrel',
  'Lumen', 'Meridian', 'Nimbus', 'Onyx', 'Prism', 'Redwood', 'Solstice', 'Terra', 'Wren', 'Oak', 'Stone', 'Clear',
  'Swift', 'Open',
];
const BRAND_TAILS = [
  'wave', 'stone', 'line', 'field', 'point', 'bridge', 'gate', 'path', 'peak', 'works', 'forge', 'light', 'leaf', 'hub',
  'scale', 'mark', 'craft', 'ridge', 'shore',
];
const INDUSTRY_WORDS = [
  'Analytics', 'Logistics', 'Health', 'Robotics', 'Foods', 'Capital', 'Energy', 'Labs', 'Systems', 'Software', 'Retail',
  'Media', 'Bio', 'Security', 'Cloud', 'Payments', 'Insurance', 'Manufacturing', 'Studios', 'Consulting', 'Freight',
  'Networks', 'Dental', 'Legal',
];
const LEGAL_FORMS: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['', 'com'], 30],
  [['', 'io'], 8],
  [['Inc.', 'com'], 18],
  [['LLC', 'com'], 6],
  [['AB', 'se'], 8],
  [['AS', 'no'], 6],
  [['Sp. z o.o.', 'pl'], 6],
  [['GmbH', 'de'], 7],
  [['Ltd', 'co.uk'], 8],
  [['Oy', 'fi'], 3],
];

const SUBJECTS = [
  'Quick question, {{first_name}}',
  'Idea for {{company}}',
  'Worth a conversation?',
  'Forecasts your CFO will sign off on',
  '{{company}} + Brightline',
  'A 2-minute read for your team',
  'How Nordvik Freight cut reporting time in half',
  'Are spreadsheets still running your pipeline review?',
  'Following up on your demo request',
  'Your trial: what teams like yours set up first',
  'Saw your team is hiring in RevOps',
  'One number every board asks about',
];
const BREAKUP_SUBJECTS = ['Closing the loop', 'Should I stop reaching out?', 'Last note from me', 'Not the right time?'];

const SEQUENCE_THEMES = [
  'Cold outreach',
  'Inbound follow-up',
  'Event follow-up',
  'Re-engage',
  'Trial conversion',
  'Webinar follow-up',
  'Expansion',
  'Renewal',
  'ABM',
  'Referral intro',
  'Pricing page follow-up',
  'Content download follow-up',
];
const SEQUENCE_SEGMENTS = [
  'SaaS CFOs',
  'Heads of RevOps',
  'VP Sales, mid-market',
  'FP&A managers',
  'Fintech founders',
  'Logistics COOs',
  'Healthcare IT directors',
  'Retail ops leaders',
  'Manufacturing plant managers',
  'DACH enterprise',
  'Nordics SMB',
  'UK public sector',
  'Benelux scale-ups',
  'US West Coast',
  'Series A founders',
  'Controllers',
  'Sales enablement',
  'Data teams',
];

const CAMPAIGN_NAMES = [
  'Webinar: Forecasting 101 — save your seat',
  'New: scenario planning in two clicks',
  'Customer story: Fjordline Logistics',
  'Your quarterly benchmark report is ready',
  'Last chance: early-bird pricing for Summit',
  'Product update: faster dashboards',
  'Guide: building a pipeline review that works',
  'Invitation: customer advisory roundtable',
  'What is new in integrations',
  'Template pack: board-ready revenue reports',
  'Case study: how Copperline closed the books 3 days faster',
  'Event recap and slides',
  'Free tool: sales capacity calculator',
];

const MARKETING_SENDER_FAILURES: readonly NotSentReason[] = ['MTA_FAILURE', 'UNDETERMINED', 'PROVIDER_TIMEOUT', 'CLASSIFIED_AS_SPAM'];
