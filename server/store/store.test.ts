import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EmailProblem, EnrollErrorCode, NotSentReason, UnenrollReason } from '../../src/contract/codes';
import type { Db } from './db';
import { migrate, migrations } from './migrate';
import { openPglite } from './pglite-db';
import { apportion, generate, type SeedSink } from './seed/generate';
import { Random } from './seed/random';
import { seed, type SeedStats } from './seed/seed';
import { demoSnapshot, openSeededDb, postgresTestSchema } from './test-db';

// Runs on PGlite always, and on a real PostgreSQL too when TEST_DATABASE_URL is set (each run
// in a schema of its own, dropped afterwards).
interface Driver {
  name: string;
  /** A fresh, empty (not migrated) database. */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

const pgliteDriver = (): Driver => ({
  name: 'pglite',
  open: () => openPglite(),
  cleanup: async () => undefined,
});

const postgresDriver = (url: string): Driver => ({ name: 'postgres', ...postgresTestSchema(url) });

const drivers = [pgliteDriver(), ...(process.env.TEST_DATABASE_URL ? [postgresDriver(process.env.TEST_DATABASE_URL)] : [])];

/** A digest of the rows that matter, independent of the server's time zone and text formats. */
async function checksum(db: Db): Promise<Record<string, string>> {
  const t = (c: string) => `coalesce(extract(epoch from ${c})::bigint::text, '')`;
  const tables: Record<string, string> = {
    users: `id, email, name, role, password_hash, team_id, active, ${t('created_at')}`,
    inboxes: 'id, user_id, address, provider, connected, daily_limit',
    contacts: `id, first_name, last_name, email, company_id, owner_id, is_marketing, consent, ${t('last_engaged_at')},
      address_status, blocked_address, blocked_domain, bounced_portal, bounced_global, spam_reported,
      unsubscribed_all, unsubscribed_sales, ${t('created_at')}`,
    sequences: `id, name, owner_id, created_by, unenroll_same_company, ${t('created_at')}, ${t('deleted_at')}`,
    enrollments: `id, sequence_id, contact_id, enrolled_by, inbox_id, status, current_step, enroll_error, email_error,
      related_sequence_id, unenroll_reason, unenrolled_by, ${t('unenrolled_at')}, ${t('enrolled_at')},
      ${t('last_activity_at')}, ${t('next_step_at')}, emails_sent, opened, clicked, replied, meeting_booked`,
    email_events: `id, ${t('occurred_at')}, kind, contact_id, enrollment_id, provider, sent, not_sent_reason, delivered,
      bounce, opened, clicked, spam_reported, unsubscribed`,
    marketing_emails: `id, name, status, sent_count, ${t('scheduled_at')}, ${t('sent_at')}, ${t('created_at')}`,
  };
  const out: Record<string, string> = {};
  for (const [table, columns] of Object.entries(tables)) {
    const [row] = await db.query<{ digest: string }>(
      `SELECT md5(string_agg(concat_ws('|', ${columns}), ',' ORDER BY id)) AS digest FROM ${table}`,
    );
    out[table] = row?.digest ?? '';
  }
  return out;
}

/** Hashes what the generator emits, without a database. */
async function generatorDigest(seedNumber: number, now: Date): Promise<string> {
  const hash = createHash('sha256');
  const sink: SeedSink = {
    insert: async (table, _columns, values) => void hash.update(table).update(JSON.stringify(values)),
    update: async (table, _columns, values) => void hash.update(`update ${table}`).update(JSON.stringify(values)),
  };
  await generate({ dataset: 'demo', seed: seedNumber, now, demoPasswordHash: 'x' }, sink);
  return hash.digest('hex');
}

describe.each(drivers)('store on $name', (driver) => {
  let db: Db;
  let firstMigration: number[];
  let secondMigration: number[];
  let stats: SeedStats;
  let now: Date;

  beforeAll(async () => {
    // Seeded "as of" the test snapshot's time, so the result can be compared with it.
    now = (await demoSnapshot()).now;
    db = await driver.open();
    firstMigration = await migrate(db);
    secondMigration = await migrate(db);
    stats = await seed(db, { dataset: 'demo', now });
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    await driver.cleanup();
  });

  const count = async (sql: string, params: unknown[] = []) => {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) q`, params);
    return row?.n ?? -1;
  };

  test('migrations apply in order, then have nothing left to do', () => {
    expect(firstMigration).toEqual(migrations.map((m) => m.version));
    expect(secondMigration).toEqual([]);
  });

  test('seeding refuses a database that already has data', async () => {
    await expect(seed(db, { dataset: 'demo', now })).rejects.toThrow(/already has data/);
    expect(await count('SELECT 1 FROM users')).toBe(stats.counts.users);
  });

  test('the same seed and time give the same rows, on every driver', async () => {
    const snapshot = await openSeededDb();
    try {
      expect(await checksum(db)).toEqual(await checksum(snapshot));
    } finally {
      await snapshot.close();
    }
  });

  test('the demo dataset has its documented size', () => {
    expect(stats.counts.enrollments).toBe(25_000);
    expect(stats.counts.sequences).toBeGreaterThanOrEqual(20);
    expect(stats.counts.contacts).toBeGreaterThan(4_000);
    expect(stats.counts.email_events).toBeGreaterThanOrEqual(150_000);
    expect(stats.counts.email_events).toBeLessThanOrEqual(250_000);
    expect(stats.counts.marketing_emails).toBe(15);
  });

  test('identity columns continue after the seeded ids', async () => {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO teams (name) VALUES ('Added later') RETURNING id`,
    );
    expect(row?.id).toBe(stats.counts.teams + 1);
    await db.query(`DELETE FROM teams WHERE id = $1`, [row?.id]);
  });

  test('every enrollment error is present, on failed enrollments, in several sequences', async () => {
    const rows = await db.query<{ code: string; n: number; sequences: number; other: number }>(
      `SELECT enroll_error AS code, count(*)::int AS n, count(DISTINCT sequence_id)::int AS sequences,
              count(*) FILTER (WHERE status <> 'failed')::int AS other
         FROM enrollments WHERE enroll_error IS NOT NULL GROUP BY 1`,
    );
    expect(rows.map((r) => r.code).sort()).toEqual([...EnrollErrorCode.options].sort());
    for (const r of rows) {
      expect(r.sequences, r.code).toBeGreaterThanOrEqual(3);
      expect(r.other, r.code).toBe(0);
    }
    // The demo rep sees errors on their own enrollments.
    expect(await count(`SELECT DISTINCT enroll_error FROM enrollments WHERE enrolled_by = ${stats.demoUserIds.rep} AND enroll_error IS NOT NULL`)).toBe(
      EnrollErrorCode.options.length,
    );
  });

  test('every email problem is present, on paused enrollments at an email step', async () => {
    const rows = await db.query<{ problem: string; bad: number }>(
      `SELECT e.email_error AS problem,
              count(*) FILTER (WHERE e.status <> 'paused' OR s.type NOT IN ('automated_email', 'manual_email'))::int AS bad
         FROM enrollments e
         JOIN sequence_steps s ON s.sequence_id = e.sequence_id AND s.position = e.current_step
        WHERE e.email_error IS NOT NULL GROUP BY 1`,
    );
    expect(rows.map((r) => r.problem).sort()).toEqual([...EmailProblem.options].sort());
    for (const r of rows) expect(r.bad, r.problem).toBe(0);
    // Problems that concern the inbox match the inbox.
    expect(
      await count(`SELECT 1 FROM enrollments e JOIN inboxes i ON i.id = e.inbox_id
                    WHERE e.email_error = 'INBOX_DISCONNECTED' AND i.connected`),
    ).toBe(0);
    expect(
      await count(`SELECT 1 FROM enrollments e JOIN inboxes i ON i.id = e.inbox_id
                    WHERE e.email_error = 'GMAIL_SEND_ERROR' AND (i.provider NOT IN ('gmail', 'google_workspace') OR e.current_step <> 1)`),
    ).toBe(0);
  });

  test('every unenroll reason is present, with its time and, when manual, who did it', async () => {
    const rows = await db.query<{ reason: string; statuses: string; no_time: number; no_actor: number }>(
      `SELECT unenroll_reason AS reason, string_agg(DISTINCT status, ',') AS statuses,
              count(*) FILTER (WHERE unenrolled_at IS NULL)::int AS no_time,
              count(*) FILTER (WHERE unenrolled_by IS NULL)::int AS no_actor
         FROM enrollments WHERE unenroll_reason IS NOT NULL GROUP BY 1`,
    );
    expect(rows.map((r) => r.reason).sort()).toEqual([...UnenrollReason.options].sort());
    for (const r of rows) {
      expect(r.statuses, r.reason).toBe(r.reason === 'FINISHED' ? 'finished' : 'unenrolled');
      expect(r.no_time, r.reason).toBe(0);
      if (r.reason === 'MANUAL' || r.reason === 'BULK') expect(r.no_actor, r.reason).toBe(0);
    }
    // Only a sequence that unenrolls the whole company has COMPANY_MEMBER_REPLIED.
    expect(
      await count(`SELECT 1 FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
                    WHERE e.unenroll_reason = 'COMPANY_MEMBER_REPLIED' AND NOT s.unenroll_same_company`),
    ).toBe(0);
  });

  test('every not-sent reason is present on an email that was not sent', async () => {
    const rows = await db.query<{ reason: string }>(
      `SELECT DISTINCT not_sent_reason AS reason FROM email_events WHERE NOT sent AND not_sent_reason IS NOT NULL`,
    );
    expect(rows.map((r) => r.reason).sort()).toEqual([...NotSentReason.options].sort());
    expect(await count(`SELECT 1 FROM email_events WHERE sent = (not_sent_reason IS NOT NULL)`)).toBe(0);
  });

  test("a contact's own state explains its enrollment error", async () => {
    const flagOf: Record<string, string> = {
      BLOCKED_ADDRESS: 'blocked_address',
      BLOCKED_DOMAIN: 'blocked_domain',
      BOUNCED: 'bounced_portal',
      RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: 'bounced_portal',
      RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: 'bounced_global',
      PREVIOUSLY_MARKED_AS_SPAM: 'spam_reported',
      UNSUBSCRIBED: 'unsubscribed_all',
      UNSUBSCRIBED_PERSONAL: 'unsubscribed_sales',
    };
    for (const [code, flag] of Object.entries(flagOf)) {
      const wrong = await count(
        `SELECT 1 FROM enrollments e JOIN contacts c ON c.id = e.contact_id WHERE e.enroll_error = $1 AND NOT c.${flag}`,
        [code],
      );
      expect(wrong, code).toBe(0);
    }
    // ALREADY_ENROLLED points at another sequence the contact is active in, entered earlier.
    expect(
      await count(
        `SELECT 1 FROM enrollments f
          WHERE f.enroll_error = 'ALREADY_ENROLLED'
            AND NOT EXISTS (SELECT 1 FROM enrollments a
                             WHERE a.contact_id = f.contact_id AND a.sequence_id = f.related_sequence_id
                               AND a.sequence_id <> f.sequence_id AND a.status = 'active' AND a.enrolled_at < f.enrolled_at)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT 1 FROM enrollments WHERE (enroll_error = 'ALREADY_ENROLLED') <> (related_sequence_id IS NOT NULL)`)).toBe(0);
  });

  test('enrollments are coherent: one current sequence per contact, steps in range, times in order', async () => {
    expect(
      await count(`SELECT contact_id FROM enrollments WHERE status IN ('active', 'paused') GROUP BY 1 HAVING count(*) > 1`),
    ).toBe(0);
    expect(
      await count(`SELECT 1 FROM enrollments e
                    WHERE e.current_step < 1
                       OR e.current_step > (SELECT max(position) FROM sequence_steps s WHERE s.sequence_id = e.sequence_id)`),
    ).toBe(0);
    expect(
      await count(
        `SELECT 1 FROM enrollments
          WHERE enrolled_at > $1::timestamptz OR enrolled_at < $1::timestamptz - interval '183 days'
             OR (status = 'active') <> (next_step_at IS NOT NULL) OR next_step_at <= $1::timestamptz
             OR last_activity_at < enrolled_at OR unenrolled_at < enrolled_at OR last_activity_at > $1::timestamptz`,
        [now.toISOString()],
      ),
    ).toBe(0);
    // Sales email events belong to their enrollment's contact, and there is one per email sent.
    expect(
      await count(`SELECT 1 FROM email_events v JOIN enrollments e ON e.id = v.enrollment_id WHERE v.contact_id <> e.contact_id`),
    ).toBe(0);
    const [sent] = await db.query<{ events: number; emails: number }>(
      `SELECT (SELECT count(*)::int FROM email_events WHERE kind = 'sales' AND sent) AS events,
              (SELECT sum(emails_sent)::int FROM enrollments) AS emails`,
    );
    expect(sent?.events).toBe(sent?.emails);
  });

  test('the demo rep owns sequences and enrolls into sequences of others', async () => {
    const { rep, manager } = stats.demoUserIds;
    expect(await count(`SELECT 1 FROM sequences WHERE owner_id = ${rep}`)).toBeGreaterThanOrEqual(3);
    expect(await count(`SELECT 1 FROM sequences WHERE owner_id = ${manager}`)).toBeGreaterThanOrEqual(2);
    const [share] = await db.query<{ own: number; others: number }>(
      `SELECT count(*) FILTER (WHERE s.owner_id = $1)::int AS own, count(*) FILTER (WHERE s.owner_id <> $1)::int AS others
         FROM enrollments e JOIN sequences s ON s.id = e.sequence_id WHERE e.enrolled_by = $1`,
      [rep],
    );
    expect(share?.own).toBeGreaterThan(1000);
    expect(share?.others).toBeGreaterThan(1000);
  });

  test('the marketing hard-bounce rate of the health window puts the account on probation', async () => {
    const [rate] = await db.query<{ rate: number }>(
      `SELECT (count(*) FILTER (WHERE bounce = 'hard'))::float / count(*) AS rate
         FROM email_events
        WHERE kind = 'marketing' AND sent
          AND occurred_at >= $1::timestamptz - interval '30 days' AND occurred_at < $1::timestamptz - interval '48 hours'`,
      [now.toISOString()],
    );
    expect(rate?.rate).toBeGreaterThan(0.055);
    expect(rate?.rate).toBeLessThan(0.075);
  });
});

describe('the generator', () => {
  test('draws the same numbers from the same seed, and independent streams by name', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.next());
    expect(draw(new Random(42))).toEqual(draw(new Random(42)));
    expect(draw(new Random(42))).not.toEqual(draw(new Random(43)));
    expect(draw(new Random(42).fork('a'))).not.toEqual(draw(new Random(42).fork('b')));
    const r = new Random(1);
    const ints = Array.from({ length: 1000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
  });

  test('splits totals exactly, in proportion, within caps', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [1, 3])).toEqual([25, 75]);
    const capped = apportion(100, [1, 1, 1], [10, 1000, 1000]);
    expect(capped).toEqual([10, 45, 45]);
    expect(apportion(798_000, [2, 1, 0.5], [100_000, 1e9, 1e9]).reduce((a, b) => a + b)).toBe(798_000);
  });

  test('gives the same rows for the same seed and different rows for another seed', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const a = await generatorDigest(42, now);
    expect(await generatorDigest(42, now)).toBe(a);
    expect(await generatorDigest(7, now)).not.toBe(a);
  });
});
