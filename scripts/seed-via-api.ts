// Loads a dataset into a running Sequence Desk through its public ingest API only: reads the
// rows of a seeded source database (the generator's output) and posts them as ingest batches,
// with the source's ids as externalIds. Used by `npm run seed -- --via-api`, by the test that
// compares such a server with a directly seeded one, and by the ingest benchmark.
//
// It is the proof that everything the screens show can arrive through the API: nothing here
// touches the target's database.
import type { Queryable } from '../server/store/db';

/** Sends one ingest request (path and JSON body) to the target and returns its answer. */
export type Send = (path: string, body: string) => Promise<Response>;

export interface ViaApiOptions {
  send: Send;
  /** Items per request (at most 1,000). */
  batchSize?: number;
  onProgress?: (message: string) => void;
  /** Waits this long (ms) when told to retry (429) without a Retry-After. */
  retryMs?: number;
  /** Requests of one kind in flight at once (default 2: the target parses one while it stores
   * the other). Kinds still go one after the other, as their references need. */
  concurrency?: number;
}

export interface ViaApiStats {
  /** Items posted per kind. */
  counts: Record<string, number>;
  rows: number;
  requests: number;
  durationMs: number;
  /** Requests answered 429 and retried. */
  throttled: number;
}

/** A moment as ISO 8601 in UTC, as the API takes it (for a column read on its own). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A moment inside a batch's JSON: json_build_object writes a timestamptz as ISO 8601 with its
 * offset, which the API takes as it is, at half the source's CPU of formatting it with to_char. */
const moment = (column: string) => column;
/** An id as the externalId that refers to it (null stays null). */
const ref = (column: string) => `${column}::text`;

/**
 * One kind: where it goes, the table it comes from, and each field of an item as SQL. The
 * source database builds each batch's JSON itself (json_agg): a third of the CPU of turning
 * rows into objects and back into text here, and this command's CPU is what a PostgreSQL
 * target waits on.
 */
interface Kind {
  name: string;
  path: string;
  table: string;
  fields: ReadonlyArray<readonly [string, string]>;
}

const KINDS: Kind[] = [
  {
    name: 'users',
    path: '/api/ingest/users',
    table: 'users',
    fields: [['externalId', ref('id')], ['email', 'email'], ['name', 'name'], ['role', 'role'], ['active', 'active'], ['createdAt', moment('created_at')]],
  },
  {
    name: 'inboxes',
    path: '/api/ingest/inboxes',
    table: 'inboxes',
    fields: [
      ['externalId', ref('id')],
      ['owner', ref('user_id')],
      ['address', 'address'],
      ['provider', 'provider'],
      ['dailyLimit', 'daily_limit'],
      ['connected', 'connected'],
    ],
  },
  {
    name: 'companies',
    path: '/api/ingest/companies',
    table: 'companies',
    fields: [['externalId', ref('id')], ['name', 'name'], ['domain', 'domain']],
  },
  {
    name: 'contacts',
    path: '/api/ingest/contacts',
    table: 'contacts',
    fields: [
      ['externalId', ref('id')],
      ['email', 'email'],
      ['firstName', 'first_name'],
      ['lastName', 'last_name'],
      ['company', ref('company_id')],
      ['owner', ref('owner_id')],
      ['isMarketing', 'is_marketing'],
      ['consent', 'consent'],
      ['lastEngagedAt', moment('last_engaged_at')],
      ['addressStatus', 'address_status'],
      ['blockedAddress', 'blocked_address'],
      ['blockedDomain', 'blocked_domain'],
      ['bouncedPortal', 'bounced_portal'],
      ['bouncedGlobal', 'bounced_global'],
      ['spamReported', 'spam_reported'],
      ['unsubscribedAll', 'unsubscribed_all'],
      ['unsubscribedSales', 'unsubscribed_sales'],
      ['createdAt', moment('created_at')],
    ],
  },
  {
    name: 'sequences',
    path: '/api/ingest/sequences',
    table: 'sequences',
    fields: [
      ['externalId', ref('id')],
      ['name', 'name'],
      ['owner', ref('owner_id')],
      ['createdBy', ref('created_by')],
      ['unenrollSameCompany', 'unenroll_same_company'],
      [
        'steps',
        `(SELECT json_agg(json_build_object('type', st.type, 'delayDays', st.delay_days, 'subject', st.subject) ORDER BY st.position)
            FROM sequence_steps st WHERE st.sequence_id = r.id)`,
      ],
      ['createdAt', moment('created_at')],
      ['deletedAt', moment('deleted_at')],
    ],
  },
  {
    name: 'marketingEmails',
    path: '/api/ingest/marketing-emails',
    table: 'marketing_emails',
    fields: [
      ['externalId', ref('id')],
      ['name', 'name'],
      ['status', 'status'],
      ['sentCount', 'sent_count'],
      ['scheduledAt', moment('scheduled_at')],
      ['sentAt', moment('sent_at')],
      ['createdAt', moment('created_at')],
    ],
  },
  {
    name: 'enrollments',
    path: '/api/ingest/enrollments',
    table: 'enrollments',
    fields: [
      ['externalId', ref('id')],
      ['sequence', ref('sequence_id')],
      ['contact', ref('contact_id')],
      ['enrolledBy', ref('enrolled_by')],
      ['inbox', ref('inbox_id')],
      ['status', 'status'],
      ['currentStep', 'current_step'],
      ['enrollError', 'enroll_error'],
      ['emailError', 'email_error'],
      ['relatedSequence', ref('related_sequence_id')],
      ['unenrollReason', 'unenroll_reason'],
      ['unenrolledBy', ref('unenrolled_by')],
      ['unenrolledAt', moment('unenrolled_at')],
      ['enrolledAt', moment('enrolled_at')],
      ['lastActivityAt', moment('last_activity_at')],
      ['nextStepAt', moment('next_step_at')],
      ['emailsSent', 'emails_sent'],
      ['opened', 'opened'],
      ['clicked', 'clicked'],
      ['replied', 'replied'],
      ['meetingBooked', 'meeting_booked'],
    ],
  },
  {
    name: 'emailEvents',
    path: '/api/ingest/email-events',
    table: 'email_events',
    fields: [
      ['externalId', ref('id')],
      ['occurredAt', moment('occurred_at')],
      ['kind', 'kind'],
      ['contact', ref('contact_id')],
      ['enrollment', ref('enrollment_id')],
      ['provider', 'provider'],
      ['sent', 'sent'],
      ['notSentReason', 'not_sent_reason'],
      ['delivered', 'delivered'],
      ['bounce', 'bounce'],
      ['opened', 'opened'],
      ['clicked', 'clicked'],
      ['spamReported', 'spam_reported'],
      ['unsubscribed', 'unsubscribed'],
    ],
  },
];

interface Page {
  /** The request body, `{"items":[…]}`, as text. */
  body: string;
  count: number;
  last: number;
}

/** The next page of a kind after `after` (keyset by id), as the JSON body of one request. */
async function readPage(db: Queryable, kind: Kind, after: number, limit: number): Promise<Page | null> {
  const object = `json_build_object(${kind.fields.map(([key, sql]) => `'${key}', ${sql}`).join(', ')})`;
  const [row] = await db.query<{ body: string | null; count: number; last: number | null }>(
    `SELECT '{"items":' || json_agg(${object} ORDER BY r.id)::text || '}' AS body, count(*)::int AS count, max(r.id) AS last
       FROM (SELECT * FROM ${kind.table} WHERE id > $1 ORDER BY id LIMIT $2) r`,
    [after, limit],
  );
  return row?.body && row.count > 0 ? { body: row.body, count: row.count, last: Number(row.last) } : null;
}

class IngestRefused extends Error {}

/**
 * Posts every row of `source` to the target through the ingest API, kind after kind, in id
 * order, and last the account's probation moment. Reading the next page overlaps with the
 * target storing the current one. Retries a 429 after its Retry-After; any other refusal stops
 * the load with the target's error (each request is all or nothing, so a rerun picks up safely:
 * what arrived answers "unchanged").
 */
export async function loadViaApi(source: Queryable, options: ViaApiOptions): Promise<ViaApiStats> {
  const started = performance.now();
  const batchSize = Math.min(options.batchSize ?? 1000, 1000);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const progress = options.onProgress ?? (() => undefined);
  const stats: ViaApiStats = { counts: {}, rows: 0, requests: 0, durationMs: 0, throttled: 0 };

  const post = async (path: string, body: string): Promise<unknown> => {
    for (;;) {
      const res = await options.send(path, body);
      stats.requests++;
      if (res.status === 429) {
        stats.throttled++;
        const seconds = Number(res.headers.get('Retry-After'));
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : (options.retryMs ?? 1000)));
        continue;
      }
      const text = await res.text();
      if (res.status !== 200) throw new IngestRefused(`${path} answered ${res.status}: ${text.slice(0, 2000)}`);
      return JSON.parse(text) as unknown;
    }
  };

  const [account] = await source.query<{
    name: string;
    plan: string;
    industry: string;
    time_zone: string;
    created_at: string;
    probation_started_at: string | null;
  }>(
    `SELECT name, plan, industry, time_zone, ${iso('created_at')} AS created_at, ${iso('probation_started_at')} AS probation_started_at
       FROM account WHERE id = 1`,
  );
  const accountItem = account && {
    name: account.name,
    plan: account.plan,
    industry: account.industry,
    timeZone: account.time_zone,
    createdAt: account.created_at,
  };
  if (accountItem) {
    await post('/api/ingest/account', JSON.stringify(accountItem));
    stats.counts.account = 1;
    stats.rows++;
  }

  for (const kind of KINDS) {
    const kindStarted = performance.now();
    let sent = 0;
    let next = readPage(source, kind, 0, batchSize);
    const inflight: Array<Promise<unknown>> = [];
    for (;;) {
      const page = await next;
      if (!page) break;
      next = readPage(source, kind, page.last, batchSize);
      next.catch(() => undefined); // surfaced by the await above
      const request = post(kind.path, page.body);
      request.catch(() => undefined); // surfaced when its turn to be awaited comes
      inflight.push(request);
      sent += page.count;
      if (inflight.length >= concurrency) await inflight.shift();
    }
    while (inflight.length) await inflight.shift();
    stats.counts[kind.name] = sent;
    stats.rows += sent;
    const seconds = (performance.now() - kindStarted) / 1000;
    progress(`${kind.name}: ${sent.toLocaleString('en-US')} in ${seconds.toFixed(1)} s`);
  }

  // The probation began while the history happened: have the rules judge it at that moment.
  if (accountItem && account.probation_started_at) {
    await post('/api/ingest/account', JSON.stringify({ ...accountItem, assessProbationAt: account.probation_started_at }));
  }
  stats.durationMs = Math.round(performance.now() - started);
  return stats;
}

/** A Send over HTTP to `baseUrl` with an integration key. */
export function httpSend(baseUrl: string, key: string): Send {
  const base = baseUrl.replace(/\/+$/, '');
  return (path, body) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body,
    });
}
