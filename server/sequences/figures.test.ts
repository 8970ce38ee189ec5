// The figures of the sequences list and the summary header are kept by the database as
// enrollments change (migration 007). After every kind of change the app makes, they must equal
// a full recount of the enrollments, for everyone and for each enroller (a rep's view), and the
// API must answer the recount. On PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/auth';
import type { Db } from '../store/db';
import { migrate } from '../store/migrate';
import { seed } from '../store/seed/seed';
import { demoClock, demoSnapshot, openSeededDb, postgresTestSchema } from '../store/test-db';
import { testClient, type TestClient } from '../test-utils';

const clock = await demoClock();
const snapshot = await demoSnapshot();

interface Target {
  name: string;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

const pglite: Target = { name: 'pglite', open: openSeededDb, cleanup: async () => undefined };

/** PostgreSQL in a schema of its own, migrated and seeded like the test snapshot. */
function postgres(url: string): Target {
  const schema = postgresTestSchema(url, 'fig');
  return {
    name: 'postgres',
    async open() {
      const db = await schema.open();
      await migrate(db);
      await seed(db, { dataset: 'demo', seed: snapshot.seed, now: snapshot.now });
      return db;
    },
    cleanup: schema.cleanup,
  };
}

const targets = [pglite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

/** The figures as a full count of the enrollments would give them, per sequence and enroller. */
const RECOUNT = `
  SELECT sequence_id, enrolled_by, count(*)::int AS enrolled,
         count(*) FILTER (WHERE status = 'active')::int AS active,
         count(*) FILTER (WHERE status = 'paused')::int AS paused,
         count(*) FILTER (WHERE status = 'finished')::int AS finished,
         count(*) FILTER (WHERE status = 'unenrolled')::int AS unenrolled,
         count(*) FILTER (WHERE enroll_error IS NOT NULL OR email_error IS NOT NULL)::int AS with_errors,
         count(*) FILTER (WHERE emails_sent > 0)::int AS sent,
         count(*) FILTER (WHERE opened)::int AS opened,
         count(*) FILTER (WHERE clicked)::int AS clicked,
         count(*) FILTER (WHERE replied)::int AS replied,
         count(*) FILTER (WHERE meeting_booked)::int AS meetings
    FROM enrollments GROUP BY sequence_id, enrolled_by ORDER BY sequence_id, enrolled_by`;

const KEPT = `
  SELECT sequence_id, enrolled_by, enrolled, active, paused, finished, unenrolled, with_errors,
         sent, opened, clicked, replied, meetings
    FROM sequence_figures WHERE enrolled <> 0 ORDER BY sequence_id, enrolled_by`;

const ERRORS_RECOUNT = `
  SELECT sequence_id, enrolled_by, kind, code, count(*)::int AS count FROM (
    SELECT sequence_id, enrolled_by, 'enroll' AS kind, enroll_error AS code FROM enrollments WHERE enroll_error IS NOT NULL
    UNION ALL
    SELECT sequence_id, enrolled_by, 'email', email_error FROM enrollments WHERE email_error IS NOT NULL) x
   GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;

const ERRORS_KEPT = `
  SELECT sequence_id, enrolled_by, kind, code, count FROM sequence_error_counts
   WHERE count <> 0 ORDER BY 1, 2, 3, 4`;

describe.each(targets)('sequence figures on $name', (target) => {
  let t: TestClient;
  const users = snapshot.stats.demoUserIds;

  beforeAll(async () => {
    t = await testClient({ db: await target.open(), clock });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await target.cleanup();
  });

  const call = async (role: Role, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.call(role, method, url, body, headers);
    const text = await res.text();
    expect(res.status, `${method} ${url}: ${text}`).toBeLessThan(300);
    return text ? (JSON.parse(text) as unknown) : null;
  };

  /** The kept figures equal the recount, and so do the list and the header the API answers. */
  async function expectFiguresRight(sequenceId: number) {
    expect(await t.db.query(KEPT)).toEqual(await t.db.query(RECOUNT));
    expect(await t.db.query(ERRORS_KEPT)).toEqual(await t.db.query(ERRORS_RECOUNT));

    for (const [role, by] of [['manager', null], ['rep', users.rep]] as const) {
      const counted = await t.one<Record<string, number>>(
        `SELECT count(*)::int AS enrolled, count(*) FILTER (WHERE status = 'active')::int AS active,
                count(*) FILTER (WHERE status = 'unenrolled')::int AS unenrolled,
                count(*) FILTER (WHERE enroll_error IS NOT NULL OR email_error IS NOT NULL)::int AS errors
           FROM enrollments WHERE sequence_id = $1 AND ($2::int IS NULL OR enrolled_by = $2)`,
        [sequenceId, by],
      );
      const detail = (await call(role, 'GET', `/api/sequences/${sequenceId}`)) as {
        figures: { enrolled: number; active: number; unenrolled: number; withErrors: number };
        errorSummary: { count: number }[];
      };
      expect(detail.figures, role).toMatchObject({
        enrolled: counted.enrolled,
        active: counted.active,
        unenrolled: counted.unenrolled,
        withErrors: counted.errors,
      });
      const list = (await call(role, 'GET', '/api/sequences')) as { items: { id: string; activeEnrollments: number; errorCount: number }[] };
      if (counted.enrolled! > 0) {
        expect(list.items.find((s) => s.id === String(sequenceId)), role).toMatchObject({
          activeEnrollments: counted.active,
          errorCount: counted.errors,
        });
      }
    }
  }

  it('start equal to a recount of the seeded data', async () => {
    await expectFiguresRight(1);
  });

  it('follow a single unenroll, a re-enroll and a completed step', async () => {
    const active = await t.one<{ id: number; sequence_id: number }>(
      `SELECT id, sequence_id FROM enrollments WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    await call('manager', 'POST', `/api/enrollments/${active.id}/unenroll`, {});
    await expectFiguresRight(active.sequence_id);

    const paused = await t.one<{ id: number; sequence_id: number; current_step: number }>(
      `SELECT e.id, e.sequence_id, e.current_step FROM enrollments e
        WHERE e.email_error = 'SEND_LIMIT_REACHED' AND e.status = 'paused'
          AND e.current_step < (SELECT count(*) FROM sequence_steps st WHERE st.sequence_id = e.sequence_id)
        ORDER BY e.id LIMIT 1`,
    );
    await call('manager', 'POST', `/api/enrollments/${paused.id}/reenroll`, { step: paused.current_step + 1 });
    await expectFiguresRight(paused.sequence_id);

    const next = await t.one<{ id: number; sequence_id: number; current_step: number }>(
      `SELECT id, sequence_id, current_step FROM enrollments WHERE status = 'active' ORDER BY id LIMIT 1`,
    );
    await call('manager', 'POST', `/api/enrollments/${next.id}/complete-step`, { step: next.current_step });
    await expectFiguresRight(next.sequence_id);
  });

  it('follow enrolling contacts, with the ones refused counted as errors', async () => {
    const seq = await t.one<{ id: number }>(`SELECT id FROM sequences WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);
    const inbox = await t.one<{ id: number }>(`SELECT id FROM inboxes WHERE user_id = $1 AND connected ORDER BY id LIMIT 1`, [users.rep]);
    const contacts = await t.db.query<{ id: number }>(
      `SELECT c.id FROM contacts c
        WHERE NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.contact_id = c.id AND e.sequence_id = $1)
        ORDER BY c.id LIMIT 40`,
      [seq.id],
    );
    await call('rep', 'POST', `/api/sequences/${seq.id}/enrollments`, {
      contactIds: contacts.map((c) => String(c.id)),
      step: 1,
      inboxId: String(inbox.id),
    });
    await expectFiguresRight(seq.id);
  });

  it('follow a bulk unenroll of everything matching, and its Undo', async () => {
    const seq = 1;
    const { total: count } = (await call('manager', 'GET', `/api/sequences/${seq}/enrollments/count?status=active`)) as { total: number };
    const result = (await call(
      'manager',
      'POST',
      '/api/enrollments/bulk-unenroll',
      { by: 'filter', sequenceId: String(seq), filter: { status: 'active' }, expectedTotal: count },
      { 'Idempotency-Key': crypto.randomUUID() },
    )) as { batchId: string; unenrolled: number };
    expect(result.unenrolled).toBe(count);
    await expectFiguresRight(seq);

    await call('manager', 'POST', `/api/unenroll-batches/${result.batchId}/undo`, {});
    await expectFiguresRight(seq);
  });

  it('follow the activity feed unenrolling a contact who replied', async () => {
    const { key } = (await call('admin', 'POST', '/api/integration-keys', { name: 'Figures' })) as { key: string };
    const live = await t.one<{ contact_id: number; sequence_id: number }>(
      `SELECT contact_id, sequence_id FROM enrollments WHERE status = 'active' ORDER BY id DESC LIMIT 1`,
    );
    const res = await t.app.request('/api/activity', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify({
        type: 'reply',
        eventId: `figures-${live.contact_id}`,
        occurredAt: clock.now().toISOString(),
        contact: { id: String(live.contact_id) },
      }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await t.one<{ status: string }>(`SELECT status FROM enrollments WHERE contact_id = $1 AND sequence_id = $2`, [live.contact_id, live.sequence_id])).toMatchObject({ status: 'unenrolled' });
    await expectFiguresRight(live.sequence_id);
  });

  it('follow writes that bypass the API: a delete, an update of many rows, and a truncate', async () => {
    await t.db.query(`DELETE FROM enrollments WHERE id IN (SELECT id FROM enrollments WHERE sequence_id = 2 ORDER BY id LIMIT 25)`);
    await t.db.query(`UPDATE enrollments SET opened = NOT opened, enrolled_by = $1 WHERE sequence_id = 3`, [users.rep]);
    await expectFiguresRight(3);
    await t.db.transaction(async (tx) => {
      await tx.exec('TRUNCATE enrollments CASCADE');
    });
    expect(await t.db.query(KEPT)).toEqual([]);
    expect(await t.db.query(ERRORS_KEPT)).toEqual([]);
  });
});
