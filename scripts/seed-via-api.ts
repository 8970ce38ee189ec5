// Loads a dataset into a running Sequence Desk through its public ingest API only: reads the
// rows of a seeded source database (the generator's output) and posts them as ingest batches,
// with the source's ids as externalIds. Used by `npm run seed -- --via-api`, by the test that
// compares such a server with a directly seeded one, and by the ingest benchmark.
//
// It is the proof that everything the screens show can arrive through the API: nothing here
// touches the target's database.
import type { Queryable } from '../server/store/db';

/** Sends one ingest request (path and JSON body) to the target and returns its answer. */
export type Send = (path: string, body: unknown) => Promise<Response>;

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

type Item = Record<string, unknown>;
type Rows = Array<Record<string, unknown>>;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string | Date).toISOString());
const ref = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** One kind: where it goes, how to read a page of it after an id, and how a row becomes an item. */
interface Kind {
  name: string;
  path: string;
  read: (db: Queryable, after: number, limit: number) => Promise<Rows>;
  item: (row: Record<string, unknown>) => Item;
}

const page = (table: string, columns: string) => (db: Queryable, after: number, limit: number) =>
  db.query<Record<string, unknown>>(`SELECT ${columns} FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, [after, limit]);

/** In the order their references need: users before what they own, contacts before enrollments. */
const KINDS: Kind[] = [
  {
    name: 'users',
    path: '/api/ingest/users',
    read: page('users', 'id, email, name, role, active, created_at'),
    item: (r) => ({ externalId: ref(r.id), email: r.email, name: r.name, role: r.role, active: r.active, createdAt: iso(r.created_at) }),
  },
  {
    name: 'inboxes',
    path: '/api/ingest/inboxes',
    read: page('inboxes', 'id, user_id, address, provider, connected, daily_limit'),
    item: (r) => ({
      externalId: ref(r.id),
      owner: ref(r.user_id),
      address: r.address,
      provider: r.provider,
      dailyLimit: r.daily_limit,
      connected: r.connected,
    }),
  },
  {
    name: 'companies',
    path: '/api/ingest/companies',
    read: page('companies', 'id, name, domain'),
    item: (r) => ({ externalId: ref(r.id), name: r.name, domain: r.domain }),
  },
  {
    name: 'contacts',
    path: '/api/ingest/contacts',
    read: page(
      'contacts',
      `id, first_name, last_name, email, company_id, owner_id, is_marketing, consent, last_engaged_at, address_status,
       blocked_address, blocked_domain, bounced_portal, bounced_global, spam_reported, unsubscribed_all, unsubscribed_sales, created_at`,
    ),
    item: (r) => ({
      externalId: ref(r.id),
      email: r.email,
      firstName: r.first_name,
      lastName: r.last_name,
      company: ref(r.company_id),
      owner: ref(r.owner_id),
      isMarketing: r.is_marketing,
      consent: r.consent,
      lastEngagedAt: iso(r.last_engaged_at),
      addressStatus: r.address_status,
      blockedAddress: r.blocked_address,
      blockedDomain: r.blocked_domain,
      bouncedPortal: r.bounced_portal,
      bouncedGlobal: r.bounced_global,
      spamReported: r.spam_reported,
      unsubscribedAll: r.unsubscribed_all,
      unsubscribedSales: r.unsubscribed_sales,
      createdAt: iso(r.created_at),
    }),
  },
  {
    name: 'sequences',
    path: '/api/ingest/sequences',
    read: (db, after, limit) =>
      db.query(
        `SELECT s.id, s.name, s.owner_id, s.created_by, s.unenroll_same_company, s.created_at, s.deleted_at,
                (SELECT json_agg(json_build_object('type', st.type, 'delayDays', st.delay_days, 'subject', st.subject) ORDER BY st.position)
                   FROM sequence_steps st WHERE st.sequence_id = s.id) AS steps
           FROM sequences s WHERE s.id > $1 ORDER BY s.id LIMIT $2`,
        [after, limit],
      ),
    item: (r) => ({
      externalId: ref(r.id),
      name: r.name,
      owner: ref(r.owner_id),
      createdBy: ref(r.created_by),
      unenrollSameCompany: r.unenroll_same_company,
      steps: typeof r.steps === 'string' ? (JSON.parse(r.steps) as unknown) : r.steps,
      createdAt: iso(r.created_at),
      deletedAt: iso(r.deleted_at),
    }),
  },
  {
    name: 'marketingEmails',
    path: '/api/ingest/marketing-emails',
    read: page('marketing_emails', 'id, name, status, sent_count, scheduled_at, sent_at, created_at'),
    item: (r) => ({
      externalId: ref(r.id),
      name: r.name,
      status: r.status,
      sentCount: r.sent_count,
      scheduledAt: iso(r.scheduled_at),
      sentAt: iso(r.sent_at),
      createdAt: iso(r.created_at),
    }),
  },
  {
    name: 'enrollments',
    path: '/api/ingest/enrollments',
    read: page(
      'enrollments',
      `id, sequence_id, contact_id, enrolled_by, inbox_id, status, current_step, enroll_error, email_error, related_sequence_id,
       unenroll_reason, unenrolled_by, unenrolled_at, enrolled_at, last_activity_at, next_step_at, emails_sent, opened, clicked,
       replied, meeting_booked`,
    ),
    item: (r) => ({
      externalId: ref(r.id),
      sequence: ref(r.sequence_id),
      contact: ref(r.contact_id),
      enrolledBy: ref(r.enrolled_by),
      inbox: ref(r.inbox_id),
      status: r.status,
      currentStep: r.current_step,
      enrollError: r.enroll_error,
      emailError: r.email_error,
      relatedSequence: ref(r.related_sequence_id),
      unenrollReason: r.unenroll_reason,
      unenrolledBy: ref(r.unenrolled_by),
      unenrolledAt: iso(r.unenrolled_at),
      enrolledAt: iso(r.enrolled_at),
      lastActivityAt: iso(r.last_activity_at),
      nextStepAt: iso(r.next_step_at),
      emailsSent: r.emails_sent,
      opened: r.opened,
      clicked: r.clicked,
      replied: r.replied,
      meetingBooked: r.meeting_booked,
    }),
  },
  {
    name: 'emailEvents',
    path: '/api/ingest/email-events',
    read: page(
      'email_events',
      `id, occurred_at, kind, contact_id, enrollment_id, provider, sent, not_sent_reason, delivered, bounce, opened, clicked,
       spam_reported, unsubscribed`,
    ),
    item: (r) => ({
      externalId: ref(r.id),
      occurredAt: iso(r.occurred_at),
      kind: r.kind,
      contact: ref(r.contact_id),
      enrollment: ref(r.enrollment_id),
      provider: r.provider,
      sent: r.sent,
      notSentReason: r.not_sent_reason,
      delivered: r.delivered,
      bounce: r.bounce,
      opened: r.opened,
      clicked: r.clicked,
      spamReported: r.spam_reported,
      unsubscribed: r.unsubscribed,
    }),
  },
];

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

  const post = async (path: string, body: unknown): Promise<unknown> => {
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

  const [account] = await source.query<{ name: string; plan: string; industry: string; created_at: Date; probation_started_at: Date | null }>(
    'SELECT name, plan, industry, created_at, probation_started_at FROM account WHERE id = 1',
  );
  if (account) {
    await post('/api/ingest/account', { name: account.name, plan: account.plan, industry: account.industry, createdAt: iso(account.created_at) });
    stats.counts.account = 1;
    stats.rows++;
  }

  for (const kind of KINDS) {
    const kindStarted = performance.now();
    let sent = 0;
    let next = kind.read(source, 0, batchSize);
    const inflight: Array<Promise<unknown>> = [];
    for (;;) {
      const rows = await next;
      if (rows.length === 0) break;
      next = kind.read(source, Number(rows[rows.length - 1]?.id), batchSize);
      next.catch(() => undefined); // surfaced by the await above
      const request = post(kind.path, { items: rows.map(kind.item) });
      request.catch(() => undefined); // surfaced when its turn to be awaited comes
      inflight.push(request);
      sent += rows.length;
      if (inflight.length >= concurrency) await inflight.shift();
    }
    while (inflight.length) await inflight.shift();
    stats.counts[kind.name] = sent;
    stats.rows += sent;
    const seconds = (performance.now() - kindStarted) / 1000;
    progress(`${kind.name}: ${sent.toLocaleString('en-US')} in ${seconds.toFixed(1)} s`);
  }

  // The probation began while the history happened: have the rules judge it at that moment.
  if (account?.probation_started_at) {
    await post('/api/ingest/account', {
      name: account.name,
      plan: account.plan,
      industry: account.industry,
      createdAt: iso(account.created_at),
      assessProbationAt: iso(account.probation_started_at),
    });
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
      body: JSON.stringify(body),
    });
}
