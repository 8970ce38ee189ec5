import type { FieldIssue } from '../../src/contract/errors';
import type {
  IngestAccountRequest,
  IngestAccountResult,
  IngestCompany,
  IngestContact,
  IngestEmailEvent,
  IngestEnrollment,
  IngestInbox,
  IngestMarketingEmail,
  IngestResult,
  IngestSequence,
  IngestUser,
} from '../../src/contract/ingest';
import { findAccount } from '../account/store';
import { type HttpError, badRequest } from '../http/errors';
import { applyProbationRulesAt } from '../probation/service';
import type { Queryable } from '../store/db';
import { lockActiveAdmins } from '../users/store';
import { endSessionsOfInactive, idsByExternalId, linkUsersByEmail, replaceSteps, upsertAccount, upsertByExternalId, type Column, type IngestTable, type Upserted } from './store';

// The ingest API's use cases: validate what the schemas cannot (references to rows sent
// before, emails that belong to someone else), then write each kind in one set-based statement.
// The caller runs each in one transaction: a 400 here means nothing was written.

/** At most this many field issues are listed in one 400. */
const MAX_DETAILS = 100;

const date = (v: string | null | undefined) => v ?? null;

/** A reference field of the items: which kind it names, and where (`items.N.field`). */
interface RefField<T> {
  field: string;
  table: IngestTable;
  kind: string;
  get: (item: T) => string | null;
}

/** Resolves every reference of `items` in one query per kind; a 400 naming each unknown one. */
async function resolveRefs<T>(tx: Queryable, items: readonly T[], fields: ReadonlyArray<RefField<T>>): Promise<Array<Record<string, number | null>>> {
  const byTable = new Map<IngestTable, Set<string>>();
  for (const f of fields) {
    const wanted = byTable.get(f.table) ?? new Set<string>();
    for (const item of items) {
      const ref = f.get(item);
      if (ref !== null) wanted.add(ref);
    }
    byTable.set(f.table, wanted);
  }
  const found = new Map<IngestTable, Map<string, number>>();
  for (const [table, wanted] of byTable) found.set(table, await idsByExternalId(tx, table, [...wanted]));

  const issues: FieldIssue[] = [];
  const resolved = items.map((item, index) => {
    const out: Record<string, number | null> = {};
    for (const f of fields) {
      const ref = f.get(item);
      if (ref === null) {
        out[f.field] = null;
        continue;
      }
      const id = found.get(f.table)?.get(ref);
      if (id === undefined) issues.push({ path: `body.items.${index}.${f.field}`, message: `No ${f.kind} with externalId "${ref}": send it first` });
      out[f.field] = id ?? null;
    }
    return out;
  });
  if (issues.length) throw refused('Unknown references', issues);
  return resolved;
}

function refused(what: string, issues: FieldIssue[]): HttpError {
  const listed = issues.slice(0, MAX_DETAILS);
  const more = issues.length > listed.length ? ` (the first ${listed.length} of ${issues.length})` : '';
  return badRequest(`${what}: ${listed.map((i) => i.path).join(', ')}${more}. Nothing was written.`, listed);
}

function answer(externalIds: readonly string[], rows: readonly Upserted[]): IngestResult {
  const count = (r: Upserted['result']) => rows.filter((row) => row.result === r).length;
  return {
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    items: rows.map((row, i) => ({ externalId: externalIds[i] as string, id: String(row.id), result: row.result })),
  };
}

const col = <T>(items: readonly T[], name: string, type: Column['type'], get: (item: T, i: number) => unknown, keepWhenNull = false): Column => ({
  name,
  type,
  values: items.map(get),
  keepWhenNull,
});

export async function ingestUsers(tx: Queryable, items: readonly IngestUser[], now: Date): Promise<IngestResult> {
  const ids = items.map((u) => u.externalId);
  const first = new Map<string, number>();
  const repeated = items.flatMap((u, index) => {
    const email = u.email.toLowerCase();
    const before = first.get(email);
    if (before === undefined) first.set(email, index);
    return before === undefined ? [] : [{ path: `body.items.${index}.email`, message: `Repeats the email of item ${before}` }];
  });
  if (repeated.length) throw refused('Repeated emails', repeated);
  const taken = await linkUsersByEmail(tx, items);
  const issues = items.flatMap((u, index) =>
    taken.has(u.email.toLowerCase()) ? [{ path: `body.items.${index}.email`, message: 'Another user already has this email' }] : [],
  );
  if (issues.length) throw refused('Emails in use', issues);
  // The admins who can sign in, locked until the batch commits: a batch may not leave none.
  const adminsBefore = await lockActiveAdmins(tx);
  const rows = await upsertByExternalId(
    tx,
    'users',
    ids,
    [
      col(items, 'email', 'text', (u) => u.email),
      col(items, 'name', 'text', (u) => u.name),
      col(items, 'role', 'text', (u) => u.role),
      col(items, 'active', 'bool', (u) => u.active),
      col(items, 'created_at', 'timestamptz', (u) => date(u.createdAt), true),
    ],
    now,
  );
  const adminsAfter = await lockActiveAdmins(tx);
  if (adminsBefore.length > 0 && adminsAfter.length === 0) {
    const demoted = new Set(adminsBefore);
    throw refused(
      'The last active admin would lose their access (make another person an active admin first)',
      items.flatMap((u, index) =>
        demoted.has(Number(rows[index]?.id))
          ? [{ path: `body.items.${index}.${u.role === 'admin' ? 'active' : 'role'}`, message: 'This is the last active admin' }]
          : [],
      ),
    );
  }
  // As on the Users screen, a person made inactive is signed out everywhere at once.
  await endSessionsOfInactive(tx, rows.map((r) => r.id));
  return answer(ids, rows);
}

export async function ingestInboxes(tx: Queryable, items: readonly IngestInbox[], now: Date): Promise<IngestResult> {
  const refs = await resolveRefs(tx, items, [{ field: 'owner', table: 'users', kind: 'user', get: (i) => i.owner }]);
  const ids = items.map((i) => i.externalId);
  const rows = await upsertByExternalId(
    tx,
    'inboxes',
    ids,
    [
      col(items, 'user_id', 'int', (_, n) => refs[n]?.owner),
      col(items, 'address', 'text', (i) => i.address),
      col(items, 'provider', 'text', (i) => i.provider),
      col(items, 'connected', 'bool', (i) => i.connected),
      col(items, 'daily_limit', 'int', (i) => i.dailyLimit),
    ],
    now,
  );
  return answer(ids, rows);
}

export async function ingestCompanies(tx: Queryable, items: readonly IngestCompany[], now: Date): Promise<IngestResult> {
  const ids = items.map((c) => c.externalId);
  const rows = await upsertByExternalId(
    tx,
    'companies',
    ids,
    [col(items, 'name', 'text', (c) => c.name), col(items, 'domain', 'text', (c) => c.domain)],
    now,
  );
  return answer(ids, rows);
}

export async function ingestContacts(tx: Queryable, items: readonly IngestContact[], now: Date): Promise<IngestResult> {
  const refs = await resolveRefs(tx, items, [
    { field: 'company', table: 'companies', kind: 'company', get: (c) => c.company },
    { field: 'owner', table: 'users', kind: 'user', get: (c) => c.owner },
  ]);
  const ids = items.map((c) => c.externalId);
  const rows = await upsertByExternalId(
    tx,
    'contacts',
    ids,
    [
      col(items, 'first_name', 'text', (c) => c.firstName),
      col(items, 'last_name', 'text', (c) => c.lastName),
      col(items, 'email', 'text', (c) => c.email),
      col(items, 'company_id', 'int', (_, n) => refs[n]?.company),
      col(items, 'owner_id', 'int', (_, n) => refs[n]?.owner),
      col(items, 'is_marketing', 'bool', (c) => c.isMarketing),
      col(items, 'consent', 'text', (c) => c.consent),
      col(items, 'last_engaged_at', 'timestamptz', (c) => c.lastEngagedAt),
      col(items, 'address_status', 'text', (c) => c.addressStatus),
      col(items, 'blocked_address', 'bool', (c) => c.blockedAddress),
      col(items, 'blocked_domain', 'bool', (c) => c.blockedDomain),
      col(items, 'bounced_portal', 'bool', (c) => c.bouncedPortal),
      col(items, 'bounced_global', 'bool', (c) => c.bouncedGlobal),
      col(items, 'spam_reported', 'bool', (c) => c.spamReported),
      col(items, 'unsubscribed_all', 'bool', (c) => c.unsubscribedAll),
      col(items, 'unsubscribed_sales', 'bool', (c) => c.unsubscribedSales),
      col(items, 'created_at', 'timestamptz', (c) => date(c.createdAt), true),
    ],
    now,
  );
  return answer(ids, rows);
}

export async function ingestSequences(tx: Queryable, items: readonly IngestSequence[], now: Date): Promise<IngestResult> {
  const refs = await resolveRefs(tx, items, [
    { field: 'owner', table: 'users', kind: 'user', get: (s) => s.owner },
    { field: 'createdBy', table: 'users', kind: 'user', get: (s) => s.createdBy },
  ]);
  const ids = items.map((s) => s.externalId);
  const rows = await upsertByExternalId(
    tx,
    'sequences',
    ids,
    [
      col(items, 'name', 'text', (s) => s.name),
      col(items, 'owner_id', 'int', (_, n) => refs[n]?.owner),
      col(items, 'created_by', 'int', (_, n) => refs[n]?.createdBy),
      col(items, 'unenroll_same_company', 'bool', (s) => s.unenrollSameCompany),
      col(items, 'created_at', 'timestamptz', (s) => date(s.createdAt), true),
      col(items, 'deleted_at', 'timestamptz', (s) => s.deletedAt),
    ],
    now,
  );
  const steps = { sequenceId: [] as number[], position: [] as number[], type: [] as string[], delayDays: [] as number[], subject: [] as Array<string | null> };
  items.forEach((s, n) =>
    s.steps.forEach((step, i) => {
      steps.sequenceId.push(rows[n]?.id as number);
      steps.position.push(i + 1);
      steps.type.push(step.type);
      steps.delayDays.push(step.delayDays);
      steps.subject.push(step.subject);
    }),
  );
  const changed = await replaceSteps(tx, rows.map((r) => r.id), steps);
  const withSteps = rows.map((r) => (r.result === 'unchanged' && changed.has(r.id) ? { ...r, result: 'updated' as const } : r));
  return answer(ids, withSteps);
}

export async function ingestMarketingEmails(tx: Queryable, items: readonly IngestMarketingEmail[], now: Date): Promise<IngestResult> {
  const ids = items.map((m) => m.externalId);
  const rows = await upsertByExternalId(
    tx,
    'marketing_emails',
    ids,
    [
      col(items, 'name', 'text', (m) => m.name),
      col(items, 'status', 'text', (m) => m.status),
      col(items, 'sent_count', 'int', (m) => m.sentCount),
      col(items, 'scheduled_at', 'timestamptz', (m) => m.scheduledAt),
      col(items, 'sent_at', 'timestamptz', (m) => m.sentAt),
      col(items, 'created_at', 'timestamptz', (m) => date(m.createdAt), true),
    ],
    now,
  );
  return answer(ids, rows);
}

/** Enrollments. The kept figures (sequence_figures, error counts) follow by trigger. */
export async function ingestEnrollments(tx: Queryable, items: readonly IngestEnrollment[], now: Date): Promise<IngestResult> {
  const refs = await resolveRefs(tx, items, [
    { field: 'sequence', table: 'sequences', kind: 'sequence', get: (e) => e.sequence },
    { field: 'contact', table: 'contacts', kind: 'contact', get: (e) => e.contact },
    { field: 'enrolledBy', table: 'users', kind: 'user', get: (e) => e.enrolledBy },
    { field: 'inbox', table: 'inboxes', kind: 'inbox', get: (e) => e.inbox },
    { field: 'relatedSequence', table: 'sequences', kind: 'sequence', get: (e) => e.relatedSequence },
    { field: 'unenrolledBy', table: 'users', kind: 'user', get: (e) => e.unenrolledBy },
  ]);
  const ids = items.map((e) => e.externalId);
  const rows = await upsertByExternalId(
    tx,
    'enrollments',
    ids,
    [
      col(items, 'sequence_id', 'int', (_, n) => refs[n]?.sequence),
      col(items, 'contact_id', 'int', (_, n) => refs[n]?.contact),
      col(items, 'enrolled_by', 'int', (_, n) => refs[n]?.enrolledBy),
      col(items, 'inbox_id', 'int', (_, n) => refs[n]?.inbox),
      col(items, 'status', 'text', (e) => e.status),
      col(items, 'current_step', 'int', (e) => e.currentStep),
      col(items, 'enroll_error', 'text', (e) => e.enrollError),
      col(items, 'email_error', 'text', (e) => e.emailError),
      col(items, 'related_sequence_id', 'int', (_, n) => refs[n]?.relatedSequence),
      col(items, 'unenroll_reason', 'text', (e) => e.unenrollReason),
      col(items, 'unenrolled_by', 'int', (_, n) => refs[n]?.unenrolledBy),
      col(items, 'unenrolled_at', 'timestamptz', (e) => e.unenrolledAt),
      col(items, 'enrolled_at', 'timestamptz', (e) => e.enrolledAt),
      col(items, 'last_activity_at', 'timestamptz', (e) => e.lastActivityAt),
      col(items, 'next_step_at', 'timestamptz', (e) => e.nextStepAt),
      col(items, 'emails_sent', 'int', (e) => e.emailsSent),
      col(items, 'opened', 'bool', (e) => e.opened),
      col(items, 'clicked', 'bool', (e) => e.clicked),
      col(items, 'replied', 'bool', (e) => e.replied),
      col(items, 'meeting_booked', 'bool', (e) => e.meetingBooked),
    ],
    now,
    {
      // The contact's name and email travel with the enrollment (migration 002), looked up here
      // in the same statement rather than row by row by the insert trigger.
      join: {
        sql: 'JOIN contacts c ON c.id = v.contact_id',
        columns: [
          { name: 'contact_name', expr: `c.first_name || ' ' || c.last_name` },
          { name: 'contact_email', expr: 'c.email' },
        ],
      },
      // Undo tells by the version whether anything changed a row since its batch.
      extraSet: 'version = t.version + 1',
    },
  );
  return answer(ids, rows);
}

/** One email-event ingest at a time (a transaction-scoped advisory lock; the number is arbitrary). */
const EMAIL_EVENTS_LOCK = 4_151_001;

/** Email events. The daily rollups behind email health follow by trigger. */
export async function ingestEmailEvents(tx: Queryable, items: readonly IngestEmailEvent[], now: Date): Promise<IngestResult> {
  const refs = await resolveRefs(tx, items, [
    { field: 'contact', table: 'contacts', kind: 'contact', get: (e) => e.contact },
    { field: 'enrollment', table: 'enrollments', kind: 'enrollment', get: (e) => e.enrollment },
    { field: 'marketingEmail', table: 'marketing_emails', kind: 'marketing email', get: (e) => e.marketingEmail },
  ]);
  // The rollup triggers (migration 003) upsert their (day, kind, provider) rows in no set order,
  // so two event batches stored at once could deadlock each other on PostgreSQL (seen loading
  // xl with two requests in flight). Events are stored one batch at a time; the next request is
  // parsed, validated and has its references resolved meanwhile: only the writes wait.
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EMAIL_EVENTS_LOCK]);
  const ids = items.map((e) => e.externalId);
  const rows = await upsertByExternalId(
    tx,
    'email_events',
    ids,
    [
      col(items, 'occurred_at', 'timestamptz', (e) => e.occurredAt),
      col(items, 'kind', 'text', (e) => e.kind),
      col(items, 'contact_id', 'int', (_, n) => refs[n]?.contact),
      col(items, 'enrollment_id', 'int', (_, n) => refs[n]?.enrollment),
      col(items, 'step', 'int', (e) => e.step),
      col(items, 'marketing_email_id', 'int', (_, n) => refs[n]?.marketingEmail),
      col(items, 'provider', 'text', (e) => e.provider),
      col(items, 'sent', 'bool', (e) => e.sent),
      col(items, 'not_sent_reason', 'text', (e) => e.notSentReason),
      col(items, 'delivered', 'bool', (e) => e.delivered),
      col(items, 'bounce', 'text', (e) => e.bounce),
      col(items, 'opened', 'bool', (e) => e.opened),
      col(items, 'clicked', 'bool', (e) => e.clicked),
      col(items, 'replied', 'bool', (e) => e.replied),
      col(items, 'spam_reported', 'bool', (e) => e.spamReported),
      col(items, 'unsubscribed', 'bool', (e) => e.unsubscribed),
    ],
    now,
  );
  return answer(ids, rows);
}

/** The account's name, plan, industry and time zone; then, if asked, the probation rules as of a moment. */
export async function ingestAccount(tx: Queryable, request: IngestAccountRequest, now: Date): Promise<IngestAccountResult> {
  const at = request.assessProbationAt ? new Date(request.assessProbationAt) : null;
  if (at && at > now) {
    throw badRequest('assessProbationAt is in the future.', [{ path: 'body.assessProbationAt', message: 'Must not be later than now' }]);
  }
  // Stored as this JavaScript names it ("europe/stockholm" is Europe/Stockholm).
  const timeZone = new Intl.DateTimeFormat('en-US', { timeZone: request.timeZone }).resolvedOptions().timeZone;
  let result = await upsertAccount(tx, { ...request, timeZone, createdAt: request.createdAt ? new Date(request.createdAt) : null }, now);
  if (at) {
    const { changed } = await applyProbationRulesAt(tx, at);
    if (changed && result === 'unchanged') result = 'updated';
  }
  const account = await findAccount(tx);
  return { result, probationLevel: account?.level ?? 'healthy' };
}
