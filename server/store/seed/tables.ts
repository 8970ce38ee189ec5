// The rows the seed writes, one interface per table, and the one place where they turn into
// what a sink receives: one array per column, timestamps as ISO text.

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

/** A moment as epoch milliseconds; written as a timestamptz in whole seconds. */
export type Ms = number;

export interface AccountRow {
  id: number;
  name: string;
  plan: string;
  industry: string;
  timeZone: string;
  createdAt: Ms;
}

export interface TeamRow {
  id: number;
  name: string;
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
  teamId: number | null;
  active: boolean;
  createdAt: Ms;
}

export interface InboxRow {
  id: number;
  userId: number;
  address: string;
  provider: string;
  connected: boolean;
  dailyLimit: number;
}

export interface CompanyRow {
  id: number;
  name: string;
  domain: string;
}

export interface ContactRow {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  companyId: number;
  ownerId: number | null;
  isMarketing: boolean;
  consent: string;
  lastEngagedAt: Ms | null;
  addressStatus: string;
  blockedAddress: boolean;
  blockedDomain: boolean;
  bouncedPortal: boolean;
  bouncedGlobal: boolean;
  spamReported: boolean;
  unsubscribedAll: boolean;
  unsubscribedSales: boolean;
  createdAt: Ms;
}

/** What marketing email taught us about a contact, written back onto it (an update by id). */
export interface ContactFlagsRow {
  id: number;
  addressStatus: string;
  bouncedPortal: boolean;
  spamReported: boolean;
  unsubscribedAll: boolean;
}

export interface SequenceRow {
  id: number;
  name: string;
  ownerId: number;
  createdBy: number;
  unenrollSameCompany: boolean;
  createdAt: Ms;
  deletedAt: Ms | null;
}

export interface SequenceStepRow {
  sequenceId: number;
  position: number;
  type: string;
  delayDays: number;
  subject: string | null;
}

export interface EnrollmentRow {
  id: number;
  sequenceId: number;
  contactId: number;
  enrolledBy: number;
  inboxId: number | null;
  status: string;
  currentStep: number;
  enrollError: string | null;
  emailError: string | null;
  relatedSequenceId: number | null;
  unenrollReason: string | null;
  unenrolledBy: number | null;
  unenrolledAt: Ms | null;
  enrolledAt: Ms;
  lastActivityAt: Ms | null;
  nextStepAt: Ms | null;
  emailsSent: number;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
  meetingBooked: boolean;
  // Copies of the contact's name and email (migration 002). Given here, the insert trigger
  // does not have to look each contact up.
  contactName: string;
  contactEmail: string;
}

export interface EmailEventRow {
  id: number;
  occurredAt: Ms;
  kind: 'sales' | 'marketing';
  contactId: number;
  enrollmentId: number | null;
  provider: string;
  sent: boolean;
  notSentReason: string | null;
  delivered: boolean;
  bounce: 'hard' | 'soft' | null;
  opened: boolean;
  clicked: boolean;
  spamReported: boolean;
  unsubscribed: boolean;
}

export interface MarketingEmailRow {
  id: number;
  name: string;
  status: 'sent' | 'scheduled' | 'draft';
  sentCount: number;
  scheduledAt: Ms | null;
  sentAt: Ms | null;
  createdAt: Ms;
}

/** A table's columns, in the order of its row interface's fields. */
export interface Table<Row> {
  name: string;
  fields: ReadonlyArray<keyof Row & string>;
  columns: readonly Column[];
}

/** The column types a field of type V may have. */
type ColumnTypeOf<V> = [Exclude<V, null>] extends [boolean] ? 'bool' : [Exclude<V, null>] extends [string] ? 'text' : 'int' | 'bigint' | 'timestamptz';

/** A table whose columns are its row's fields in snake_case. */
function table<Row>(name: string, types: { [K in keyof Row & string]-?: ColumnTypeOf<Row[K]> }): Table<Row> {
  const fields = Object.keys(types) as Array<keyof Row & string>;
  const columns = fields.map((field) => ({ name: field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), type: types[field] as ColumnType }));
  return { name, fields, columns };
}

/** Every table the generator inserts into, in the order it writes them. */
export const TABLES = {
  account: table<AccountRow>('account', { id: 'int', name: 'text', plan: 'text', industry: 'text', timeZone: 'text', createdAt: 'timestamptz' }),
  teams: table<TeamRow>('teams', { id: 'int', name: 'text' }),
  users: table<UserRow>('users', {
    id: 'int',
    email: 'text',
    name: 'text',
    role: 'text',
    passwordHash: 'text',
    teamId: 'int',
    active: 'bool',
    createdAt: 'timestamptz',
  }),
  inboxes: table<InboxRow>('inboxes', { id: 'int', userId: 'int', address: 'text', provider: 'text', connected: 'bool', dailyLimit: 'int' }),
  companies: table<CompanyRow>('companies', { id: 'int', name: 'text', domain: 'text' }),
  contacts: table<ContactRow>('contacts', {
    id: 'int',
    firstName: 'text',
    lastName: 'text',
    email: 'text',
    companyId: 'int',
    ownerId: 'int',
    isMarketing: 'bool',
    consent: 'text',
    lastEngagedAt: 'timestamptz',
    addressStatus: 'text',
    blockedAddress: 'bool',
    blockedDomain: 'bool',
    bouncedPortal: 'bool',
    bouncedGlobal: 'bool',
    spamReported: 'bool',
    unsubscribedAll: 'bool',
    unsubscribedSales: 'bool',
    createdAt: 'timestamptz',
  }),
  sequences: table<SequenceRow>('sequences', {
    id: 'int',
    name: 'text',
    ownerId: 'int',
    createdBy: 'int',
    unenrollSameCompany: 'bool',
    createdAt: 'timestamptz',
    deletedAt: 'timestamptz',
  }),
  sequence_steps: table<SequenceStepRow>('sequence_steps', { sequenceId: 'int', position: 'int', type: 'text', delayDays: 'int', subject: 'text' }),
  enrollments: table<EnrollmentRow>('enrollments', {
    id: 'int',
    sequenceId: 'int',
    contactId: 'int',
    enrolledBy: 'int',
    inboxId: 'int',
    status: 'text',
    currentStep: 'int',
    enrollError: 'text',
    emailError: 'text',
    relatedSequenceId: 'int',
    unenrollReason: 'text',
    unenrolledBy: 'int',
    unenrolledAt: 'timestamptz',
    enrolledAt: 'timestamptz',
    lastActivityAt: 'timestamptz',
    nextStepAt: 'timestamptz',
    emailsSent: 'int',
    opened: 'bool',
    clicked: 'bool',
    replied: 'bool',
    meetingBooked: 'bool',
    contactName: 'text',
    contactEmail: 'text',
  }),
  email_events: table<EmailEventRow>('email_events', {
    id: 'bigint',
    occurredAt: 'timestamptz',
    kind: 'text',
    contactId: 'int',
    enrollmentId: 'int',
    provider: 'text',
    sent: 'bool',
    notSentReason: 'text',
    delivered: 'bool',
    bounce: 'text',
    opened: 'bool',
    clicked: 'bool',
    spamReported: 'bool',
    unsubscribed: 'bool',
  }),
  marketing_emails: table<MarketingEmailRow>('marketing_emails', {
    id: 'int',
    name: 'text',
    status: 'text',
    sentCount: 'int',
    scheduledAt: 'timestamptz',
    sentAt: 'timestamptz',
    createdAt: 'timestamptz',
  }),
};

export type TableName = keyof typeof TABLES;
type RowOf<T> = T extends Table<infer Row> ? Row : never;
export type Rows = { [T in TableName]: RowOf<(typeof TABLES)[T]> };

/** The contact columns marketing email changes: updated by id after the events are in. */
export const CONTACT_FLAGS = table<ContactFlagsRow>('contacts', {
  id: 'int',
  addressStatus: 'text',
  bouncedPortal: 'bool',
  spamReported: 'bool',
  unsubscribedAll: 'bool',
});

/** Rows as the sink takes them: one array per column; timestamps in whole seconds, as ISO text
 * (sub-second noise would only make the data harder to read and compare). */
function toColumns<Row>(table: Table<Row>, rows: readonly Row[]): unknown[][] {
  return table.fields.map((field, i) =>
    table.columns[i]?.type === 'timestamptz'
      ? rows.map((row) => {
          const ms = row[field] as Ms | null;
          return ms == null ? null : new Date(Math.floor(ms / 1000) * 1000).toISOString();
        })
      : rows.map((row) => row[field]),
  );
}

/** Collects each table's rows and hands them to the sink in batches. A table's rows reach the
 * sink in the order they were added. */
export class TableWriters {
  private readonly pending = new Map<TableName, unknown[]>();
  private readonly totals = new Map<TableName, number>();

  constructor(
    private readonly sink: SeedSink,
    readonly batchSize: number,
  ) {
    for (const name of Object.keys(TABLES) as TableName[]) {
      this.pending.set(name, []);
      this.totals.set(name, 0);
    }
  }

  /** Adds one row, and writes the table's batch when it is full. */
  async add<T extends TableName>(table: T, row: Rows[T]): Promise<void> {
    const rows = this.pending.get(table) as unknown[];
    rows.push(row);
    if (rows.length >= this.batchSize) await this.flush(table);
  }

  async flush(table: TableName): Promise<void> {
    const rows = this.pending.get(table) as Array<Rows[typeof table]>;
    if (rows.length === 0) return;
    this.pending.set(table, []);
    this.totals.set(table, (this.totals.get(table) ?? 0) + rows.length);
    const def = TABLES[table] as Table<Rows[typeof table]>;
    await this.sink.insert(def.name, def.columns, toColumns(def, rows));
  }

  /** Writes what every table has pending: before the next phase refers to those rows. */
  async flushAll(): Promise<void> {
    for (const table of this.pending.keys()) await this.flush(table);
  }

  /** Updates rows by id, in batches (after flushAll: the rows must be in). */
  async update<Row>(table: Table<Row>, rows: readonly Row[]): Promise<void> {
    for (let from = 0; from < rows.length; from += this.batchSize) {
      await this.sink.update(table.name, table.columns, toColumns(table, rows.slice(from, from + this.batchSize)));
    }
  }

  /** Rows inserted per table. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.totals);
  }
}
