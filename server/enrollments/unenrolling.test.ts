import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../src/contract/auth';
import { BulkUnenrollResult, Enrollment, UndoResult } from '../../src/contract/enrollments';
import { ContactDetail } from '../../src/contract/contacts';
import { HistoryPage, ScheduledPage, SequenceDetail, type ScheduledStep } from '../../src/contract/sequences';
import { ActivityResult, CreatedIntegrationKey, IntegrationKeyList } from '../../src/contract/integrations';
import { demoClock, demoSnapshot } from '../store/test-db';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

// API tests of issue 4. Each describe block works on its own copy of the demo database (seed
// 42, clock stopped at the data's `now`), so the counts below come from the data, not from the
// order the tests run in.

let clock: { now(): Date };
beforeAll(async () => {
  clock = await demoClock();
});

interface Client extends TestClient {
  bulk(role: Role, body: unknown, key?: string): Promise<Response>;
}

async function client(): Promise<Client> {
  const t = await testClient({ clock });
  return {
    ...t,
    bulk: (role, body, key = crypto.randomUUID()) =>
      t.call(role, 'POST', '/api/enrollments/bulk-unenroll', body, { 'Idempotency-Key': key }),
  };
}

/** The demo users' ids, as the seed wrote them. */
const USERS = (await demoSnapshot()).stats.demoUserIds;
/** The demo users' ids, as a SQL list. */
const DEMO_IDS = `(${Object.values(USERS).join(', ')})`;

/** Everything on an enrollment row that unenrolling must leave alone. */
const FIGURES_SQL = `SELECT count(*)::int AS n, sum(emails_sent)::int AS sent, count(*) FILTER (WHERE opened)::int AS opened,
  count(*) FILTER (WHERE clicked)::int AS clicked, count(*) FILTER (WHERE replied)::int AS replied,
  count(*) FILTER (WHERE meeting_booked)::int AS meetings,
  count(*) FILTER (WHERE enroll_error IS NOT NULL OR email_error IS NOT NULL)::int AS errors
  FROM enrollments WHERE sequence_id = $1`;

async function headerFigures(c: Client, seq: number) {
  const d = await ok(await c.call('manager', 'GET', `/api/sequences/${seq}`), SequenceDetail);
  const { active: _a, paused: _p, finished: _f, unenrolled: _u, ...kept } = d.figures;
  return { kept, statuses: { active: _a, paused: _p, finished: _f, unenrolled: _u }, errorSummary: d.errorSummary };
}

type Row = { id: number; status: string; current_step: number; next_step_at: Date | null; enrolled_by: number; version: number };
const stateOf = (c: Client, ids: number[]) =>
  c.rows<Row & { unenroll_reason: string | null; unenrolled_by: number | null; email_error: string | null }>(
    `SELECT id, status, current_step, next_step_at, enrolled_by, version, unenroll_reason, unenrolled_by, email_error
       FROM enrollments WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
const pick = (c: Client, where: string, n: number, params: unknown[] = []) =>
  c.rows<{ id: number }>(`SELECT id FROM enrollments WHERE ${where} ORDER BY id LIMIT ${n}`, params).then((r) => r.map((x) => x.id));

/** The live sequence where the demo rep has the most active enrollments (and others some too). */
const repSequence = (c: Client) =>
  c
    .one<{ id: number }>(
      `SELECT e.sequence_id AS id FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
        WHERE s.deleted_at IS NULL AND e.status = 'active'
        GROUP BY 1 HAVING count(*) FILTER (WHERE e.enrolled_by <> ${USERS.rep}) >= 5
        ORDER BY count(*) FILTER (WHERE e.enrolled_by = ${USERS.rep}) DESC, 1 LIMIT 1`,
    )
    .then((r) => r.id);

// ---------------------------------------------------------------------------------------------

describe('bulk unenroll', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('by ids: unenrolls the live rows as BULK by the caller and says why each other one was skipped', async () => {
    const seq = 1;
    const active = await pick(c, `sequence_id = ${seq} AND status = 'active'`, 2);
    const paused = await pick(c, `sequence_id = ${seq} AND status = 'paused'`, 1);
    const finished = await pick(c, `sequence_id = ${seq} AND status = 'finished'`, 1);
    const unenrolled = await pick(c, `sequence_id = ${seq} AND status = 'unenrolled'`, 2);
    const failed = await pick(c, `sequence_id = ${seq} AND status = 'failed'`, 1);
    const ids = [...active, ...paused, ...finished, ...unenrolled, ...failed];
    const skippedBefore = await stateOf(c, [...finished, ...unenrolled, ...failed]);

    const r = await ok(await c.bulk('manager', { by: 'ids', sequenceId: String(seq), ids: ids.map(String) }), BulkUnenrollResult);
    expect(r).toMatchObject({
      sequenceId: '1',
      matched: 7,
      unenrolled: 3,
      skipped: { alreadyUnenrolled: 2, finished: 1, failed: 1, notYours: 0 },
    });
    // By status (failed, finished, unenrolled), then id.
    expect(r.skippedItems).toEqual([
      ...failed.map((id) => ({ enrollmentId: String(id), reason: 'failed' })),
      ...finished.map((id) => ({ enrollmentId: String(id), reason: 'finished' })),
      ...unenrolled.map((id) => ({ enrollmentId: String(id), reason: 'already-unenrolled' })),
    ]);
    const after = await stateOf(c, [...active, ...paused]);
    for (const row of after) {
      expect(row).toMatchObject({ status: 'unenrolled', unenroll_reason: 'BULK', unenrolled_by: USERS.manager, next_step_at: null });
    }
    // The skipped rows are exactly as they were.
    expect(await stateOf(c, [...finished, ...unenrolled, ...failed])).toEqual(skippedBefore);
  });

  it('by filter: unenrolls exactly what the filter matches, with the count the list shows', async () => {
    // The teammate (not a demo user) with the most live enrollments in one sequence.
    const pair = await c.one<{ seq: number; by: number }>(
      `SELECT e.sequence_id AS seq, e.enrolled_by AS by FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
        WHERE s.deleted_at IS NULL AND e.enrolled_by NOT IN ${DEMO_IDS} AND e.status IN ('active', 'paused')
        GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
    );
    const seq = pair.seq;
    const filter = { enrolledBy: String(pair.by) };
    const total = ((await (await c.call('manager', 'GET', `/api/sequences/${seq}/enrollments/count?enrolledBy=${pair.by}`)).json()) as { total: number }).total;
    const expected = await c.one<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE status IN ('active', 'paused'))::int AS live,
              count(*) FILTER (WHERE status = 'unenrolled')::int AS unenrolled,
              count(*) FILTER (WHERE status = 'finished')::int AS finished,
              count(*) FILTER (WHERE status = 'failed')::int AS failed
         FROM enrollments WHERE sequence_id = $1 AND enrolled_by = $2`,
      [seq, pair.by],
    );
    expect(expected.live).toBeGreaterThan(5);

    const r = await ok(await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter, expectedTotal: total }), BulkUnenrollResult);
    expect(r.matched).toBe(total);
    expect(r.unenrolled).toBe(expected.live);
    expect(r.skipped).toEqual({ alreadyUnenrolled: expected.unenrolled, finished: expected.finished, failed: expected.failed, notYours: 0 });
    expect(r.skippedItems).toHaveLength(Math.min(1000, total - expected.live));
    const now = await c.one<{ live: number; bulk: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('active', 'paused'))::int AS live,
              count(*) FILTER (WHERE unenroll_reason = 'BULK' AND unenrolled_by = ${USERS.manager} AND unenrolled_at = $2)::int AS bulk
         FROM enrollments WHERE sequence_id = $1 AND enrolled_by = $3`,
      [seq, clock.now(), pair.by],
    );
    expect(now).toEqual({ live: 0, bulk: expected.live });
    // The rest of the sequence is untouched.
    const others = await c.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND enrolled_by <> $3 AND unenrolled_at = $2`,
      [seq, clock.now(), pair.by],
    );
    expect(others.n).toBe(0);
  });

  it('by filter with exceptions: leaves the unticked rows, and counts without them', async () => {
    const seq = 8;
    const active = await c.call('manager', 'GET', `/api/sequences/${seq}/enrollments?status=active&sort=contact&dir=asc&limit=3`);
    const except = ((await active.json()) as { items: { id: string }[] }).items.map((e) => e.id);
    expect(except).toHaveLength(3);
    const live = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status = 'active'`, [seq]);

    // The confirmed count is the filter's total less the exceptions: the total alone is refused.
    const stale = await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: { status: 'active' }, except, expectedTotal: live.n });
    expect((await errorOf(stale)).status).toBe(409);

    const r = await ok(
      await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: { status: 'active' }, except, expectedTotal: live.n - 3 }),
      BulkUnenrollResult,
    );
    expect([r.matched, r.unenrolled]).toEqual([live.n - 3, live.n - 3]);
    const left = await c.rows<{ id: number }>(
      `SELECT id FROM enrollments WHERE sequence_id = $1 AND status = 'active' ORDER BY id`,
      [seq],
    );
    expect(left.map((row) => String(row.id))).toEqual([...except].sort((a, b) => Number(a) - Number(b)));
  });

  it('refuses with 409, changing nothing, when the filter no longer matches the confirmed count', async () => {
    const seq = 8;
    const live = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status = 'active'`, [seq]);
    const res = await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: { status: 'active' }, expectedTotal: live.n + 1 });
    const e = await errorOf(res);
    expect([e.status, e.code]).toEqual([409, 'conflict']);
    expect(e.message).toContain(String(live.n));
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status = 'active'`, [seq])).n).toBe(live.n);
  });

  it('never changes the sequence\'s enrollment and performance figures', async () => {
    const seq = 3;
    const before = await headerFigures(c, seq);
    const rowsBefore = await c.one(FIGURES_SQL, [seq]);
    const listBefore = ((await (await c.call('manager', 'GET', '/api/sequences')).json()) as { items: Array<Record<string, unknown>> }).items.find((s) => s.id === String(seq));

    const r = await ok(await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: {} }), BulkUnenrollResult);
    expect(r.unenrolled).toBe(before.statuses.active + before.statuses.paused);

    const after = await headerFigures(c, seq);
    expect(after.kept).toEqual(before.kept);
    expect(after.errorSummary).toEqual(before.errorSummary);
    expect(after.statuses).toEqual({
      active: 0,
      paused: 0,
      finished: before.statuses.finished,
      unenrolled: before.statuses.unenrolled + r.unenrolled,
    });
    expect(await c.one(FIGURES_SQL, [seq])).toEqual(rowsBefore);
    const listAfter = ((await (await c.call('manager', 'GET', '/api/sequences')).json()) as { items: Array<Record<string, unknown>> }).items.find((s) => s.id === String(seq));
    expect({ ...listAfter, activeEnrollments: 0 }).toEqual({ ...listBefore, activeEnrollments: 0 });
  });

  it('answers 400 for ids that are not enrollments of the sequence, and changes nothing', async () => {
    const seq = 9;
    const mine = await pick(c, `sequence_id = ${seq} AND status = 'active'`, 3);
    const elsewhere = await pick(c, `sequence_id <> ${seq}`, 1);
    const res = await c.bulk('manager', { by: 'ids', sequenceId: String(seq), ids: [...mine, ...elsewhere, 999999].map(String) });
    const e = await errorOf(res);
    expect([e.status, e.code, e.paths]).toEqual([400, 'validation_failed', ['body.ids']]);
    expect((await stateOf(c, mine)).map((r) => r.status)).toEqual(['active', 'active', 'active']);
  });

  it('is all or nothing: a failure half-way through leaves every row as it was', async () => {
    const seq = 10;
    const live = await pick(c, `sequence_id = ${seq} AND status IN ('active', 'paused')`, 1000);
    const victim = live[Math.floor(live.length / 2)]!;
    const before = await stateOf(c, live);
    const audits = await c.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    // A trigger that fails on one row in the middle of the UPDATE.
    await c.db.exec(`
      CREATE FUNCTION fail_midway() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = ${victim} THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER fail_midway BEFORE UPDATE ON enrollments FOR EACH ROW EXECUTE FUNCTION fail_midway();`);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const key = crypto.randomUUID();
    const res = await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: {} }, key);
    expect(res.status).toBe(500);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();

    expect(await stateOf(c, live)).toEqual(before);
    expect((await c.one<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).n).toBe(audits.n);
    expect((await c.one<{ n: number }>('SELECT count(*)::int AS n FROM unenroll_batches WHERE sequence_id = $1', [seq])).n).toBe(0);
    expect((await c.one<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key])).n).toBe(0);

    // Fixed, the same key goes through: the failed attempt did not use it up.
    await c.db.exec('DROP TRIGGER fail_midway ON enrollments; DROP FUNCTION fail_midway();');
    const r = await ok(await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter: {} }, key), BulkUnenrollResult);
    expect(r.unenrolled).toBe(live.length);
  });

  it('lets a rep unenroll only their own rows: others named by id are skipped as not yours', async () => {
    const seq = await repSequence(c);
    const own = await pick(c, `sequence_id = ${seq} AND status = 'active' AND enrolled_by = ${USERS.rep}`, 2);
    const theirs = await pick(c, `sequence_id = ${seq} AND status = 'active' AND enrolled_by <> ${USERS.rep}`, 3);
    const r = await ok(await c.bulk('rep', { by: 'ids', sequenceId: String(seq), ids: [...own, ...theirs].map(String) }), BulkUnenrollResult);
    expect(r).toMatchObject({ matched: 5, unenrolled: 2, skipped: { notYours: 3, alreadyUnenrolled: 0, finished: 0, failed: 0 } });
    expect(r.skippedItems.map((s) => s.reason)).toEqual(['not-yours', 'not-yours', 'not-yours']);
    expect((await stateOf(c, own)).map((s) => s.status)).toEqual(['unenrolled', 'unenrolled']);
    expect((await stateOf(c, theirs)).map((s) => s.status)).toEqual(['active', 'active', 'active']);

    // By filter a rep's selection is their own rows, as in their list.
    const mineLive = await c.one<{ n: number; all: number }>(
      `SELECT count(*) FILTER (WHERE status = 'paused')::int AS n, count(*) FILTER (WHERE status = 'paused' AND enrolled_by <> ${USERS.rep})::int AS all
         FROM enrollments WHERE sequence_id = $1`,
      [seq],
    );
    const byFilter = await ok(await c.bulk('rep', { by: 'filter', sequenceId: String(seq), filter: { status: 'paused' } }), BulkUnenrollResult);
    expect(byFilter.unenrolled).toBe(mineLive.n - mineLive.all);
    expect(byFilter.skipped.notYours).toBe(0);
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status = 'paused'`, [seq])).n).toBe(
      mineLive.all,
    );
  });

  it('refuses marketers with 403 and answers 404 for a sequence the rep cannot see', async () => {
    const m = await c.bulk('marketer', { by: 'filter', sequenceId: '1', filter: {} });
    expect((await errorOf(m)).status).toBe(403);
    const [hidden] = await c.rows<{ id: number }>(
      `SELECT id FROM sequences s WHERE owner_id <> ${USERS.rep} AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = ${USERS.rep})`,
    );
    if (hidden) expect((await errorOf(await c.bulk('rep', { by: 'filter', sequenceId: String(hidden.id), filter: {} }))).status).toBe(404);
    const deleted = await c.one<{ id: number }>('SELECT id FROM sequences WHERE deleted_at IS NOT NULL LIMIT 1');
    expect((await errorOf(await c.bulk('manager', { by: 'filter', sequenceId: String(deleted.id), filter: {} }))).status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('replays the first answer for the same key and request, and changes nothing', async () => {
    const ids = (await pick(c, `sequence_id = 11 AND status = 'active'`, 4)).map(String);
    const body = { by: 'ids', sequenceId: '11', ids };
    const key = crypto.randomUUID();
    const first = await c.bulk('manager', body, key);
    const firstBody = await ok(first, BulkUnenrollResult);
    expect(first.headers.get('Idempotency-Replayed')).toBeNull();
    expect(firstBody.unenrolled).toBe(4);

    // Undo in between: a real second run would unenroll the rows again; a replay does not.
    await ok(await c.call('manager', 'POST', `/api/unenroll-batches/${firstBody.batchId}/undo`), UndoResult);
    const batches = await c.one<{ n: number }>('SELECT count(*)::int AS n FROM unenroll_batches');
    const replay = await c.bulk('manager', { sequenceId: '11', ids, by: 'ids' }, key);
    expect(await ok(replay, BulkUnenrollResult)).toEqual(firstBody);
    expect(replay.headers.get('Idempotency-Replayed')).toBe('true');
    expect((await stateOf(c, ids.map(Number))).map((r) => r.status)).toEqual(['active', 'active', 'active', 'active']);
    expect((await c.one<{ n: number }>('SELECT count(*)::int AS n FROM unenroll_batches')).n).toBe(batches.n);
  });

  it('refuses the same key with a different request with 422', async () => {
    const key = crypto.randomUUID();
    const ids = (await pick(c, `sequence_id = 12 AND status = 'active'`, 2)).map(String);
    await ok(await c.bulk('manager', { by: 'ids', sequenceId: '12', ids: [ids[0]] }, key), BulkUnenrollResult);
    const e = await errorOf(await c.bulk('manager', { by: 'ids', sequenceId: '12', ids }, key));
    expect([e.status, e.code]).toEqual([422, 'unprocessable']);
    expect((await stateOf(c, [Number(ids[1])]))[0]!.status).toBe('active');
  });

  it('keeps keys per user: another user\'s same key is a new request', async () => {
    const key = crypto.randomUUID();
    const seq = String(await repSequence(c));
    const [a, b] = await pick(c, `sequence_id = ${seq} AND status = 'active' AND enrolled_by = ${USERS.rep}`, 2);
    const byManager = await ok(await c.bulk('manager', { by: 'ids', sequenceId: seq, ids: [String(a)] }, key), BulkUnenrollResult);
    const byRep = await ok(await c.bulk('rep', { by: 'ids', sequenceId: seq, ids: [String(b)] }, key), BulkUnenrollResult);
    expect(byRep.batchId).not.toBe(byManager.batchId);
    expect(byRep.unenrolled).toBe(1);
  });

  it.each([
    ['missing', undefined],
    ['too short', 'abc'],
    ['with spaces', 'not a valid key!'],
  ])('answers 400 naming the header when the key is %s', async (_what, key) => {
    const res = await c.call('manager', 'POST', '/api/enrollments/bulk-unenroll', { by: 'filter', sequenceId: '12', filter: {} }, key ? { 'Idempotency-Key': key } : {});
    const e = await errorOf(res);
    expect([e.status, e.code, e.paths]).toEqual([400, 'validation_failed', ['header.Idempotency-Key']]);
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = 12 AND status = 'active'`)).n).toBeGreaterThan(0);
  });
});

describe('Undo', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('restores exactly those rows to their previous status, step and send time', async () => {
    const live = await pick(c, `sequence_id = 13 AND status IN ('active', 'paused')`, 1000);
    const before = await stateOf(c, live);
    expect(new Set(before.map((r) => r.status))).toEqual(new Set(['active', 'paused']));
    const bulkRows = () =>
      c.rows<{ id: number }>(`SELECT id FROM enrollments WHERE sequence_id = 13 AND unenroll_reason = 'BULK' ORDER BY id`);
    const bulkBefore = await bulkRows();
    const bulk = await ok(await c.bulk('manager', { by: 'filter', sequenceId: '13', filter: {} }), BulkUnenrollResult);
    expect(bulk.unenrolled).toBe(live.length);

    const undo = await ok(await c.call('manager', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`), UndoResult);
    expect(undo).toMatchObject({ batchId: bulk.batchId, restored: live.length, notRestoredTotal: 0, notRestored: [] });
    const after = await stateOf(c, live);
    expect(after.map(({ version: _v, ...r }) => r)).toEqual(before.map(({ version: _v, ...r }) => r));
    // The rows it skipped (unenrolled in bulk long ago, among others) stayed as they were.
    expect(await bulkRows()).toEqual(bulkBefore);
  });

  it('leaves rows that changed since, and contacts enrolled elsewhere since, and says why', async () => {
    const ids = await pick(c, `sequence_id = 14 AND status = 'active'`, 4);
    const bulk = await ok(await c.bulk('manager', { by: 'ids', sequenceId: '14', ids: ids.map(String) }), BulkUnenrollResult);
    const [changed, elsewhere, ...rest] = ids as [number, number, ...number[]];
    // Changed since: someone unenrolled it by hand in the meantime (a new version).
    await c.db.query(`UPDATE enrollments SET unenroll_reason = 'MANUAL', version = version + 1 WHERE id = $1`, [changed]);
    // Enrolled elsewhere since: the contact is now in another sequence (one at a time).
    const contact = await c.one<{ contact_id: number }>('SELECT contact_id FROM enrollments WHERE id = $1', [elsewhere]);
    const inbox = await c.one<{ id: number }>(`SELECT id FROM inboxes WHERE user_id = ${USERS.manager} AND connected ORDER BY id LIMIT 1`);
    const enrolled = await c.call('manager', 'POST', '/api/sequences/6/enrollments', { contactIds: [String(contact.contact_id)], step: 1, inboxId: String(inbox.id) });
    expect(((await enrolled.json()) as { results: Array<{ outcome: string }> }).results[0]!.outcome).toBe('enrolled');

    const undo = await ok(await c.call('manager', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`), UndoResult);
    expect(undo.restored).toBe(rest.length);
    expect(undo.notRestoredTotal).toBe(2);
    expect(undo.notRestored).toEqual(
      [
        { enrollmentId: String(changed), reason: 'changed-since' },
        { enrollmentId: String(elsewhere), reason: 'enrolled-elsewhere' },
      ].sort((a, b) => Number(a.enrollmentId) - Number(b.enrollmentId)),
    );
    const state = await stateOf(c, ids);
    expect(Object.fromEntries(state.map((s) => [s.id, s.status]))).toEqual({
      [changed]: 'unenrolled',
      [elsewhere]: 'unenrolled',
      ...Object.fromEntries(rest.map((id) => [id, 'active'])),
    });
  });

  it('is idempotent: a second Undo answers the same and changes nothing', async () => {
    const ids = await pick(c, `sequence_id = 15 AND status = 'active'`, 3);
    const bulk = await ok(await c.bulk('manager', { by: 'ids', sequenceId: '15', ids: ids.map(String) }), BulkUnenrollResult);
    const first = await ok(await c.call('manager', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`), UndoResult);
    const versions = (await stateOf(c, ids)).map((r) => r.version);
    const second = await ok(await c.call('admin', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`), UndoResult);
    expect(second).toEqual(first);
    expect((await stateOf(c, ids)).map((r) => r.version)).toEqual(versions);
    const undos = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'undo-unenroll' AND details->>'batchId' = $1`, [bulk.batchId]);
    expect(undos.n).toBe(1);
  });

  it('lets reps undo only their own batches, never marketers; unknown batches are 404', async () => {
    const seq = String(await repSequence(c));
    const ids = await pick(c, `sequence_id = ${seq} AND status = 'active' AND enrolled_by = ${USERS.rep}`, 1);
    const bulk = await ok(await c.bulk('manager', { by: 'ids', sequenceId: seq, ids: ids.map(String) }), BulkUnenrollResult);
    expect((await errorOf(await c.call('rep', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`))).status).toBe(404);
    expect((await errorOf(await c.call('marketer', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`))).status).toBe(403);
    expect((await errorOf(await c.call('manager', 'POST', '/api/unenroll-batches/999999/undo'))).status).toBe(404);
    const mine = await pick(c, `sequence_id = ${seq} AND status = 'active' AND enrolled_by = ${USERS.rep}`, 1);
    const own = await ok(await c.bulk('rep', { by: 'ids', sequenceId: seq, ids: mine.map(String) }), BulkUnenrollResult);
    expect((await ok(await c.call('rep', 'POST', `/api/unenroll-batches/${own.batchId}/undo`), UndoResult)).restored).toBe(1);
  });
});

describe('History', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('lists who unenrolled how many, when, with which filter, and the undo, newest first', async () => {
    const seq = 17;
    const filter = { status: 'active' as const };
    const bulk = await ok(await c.bulk('manager', { by: 'filter', sequenceId: String(seq), filter }), BulkUnenrollResult);
    const one = (await pick(c, `sequence_id = ${seq} AND status = 'paused'`, 1))[0]!;
    await ok(await c.call('manager', 'POST', `/api/enrollments/${one}/unenroll`), Enrollment);
    const undo = await ok(await c.call('admin', 'POST', `/api/unenroll-batches/${bulk.batchId}/undo`), UndoResult);

    const page = await ok(await c.call('manager', 'GET', `/api/sequences/${seq}/history`), HistoryPage);
    expect(page.items.map((i) => [i.action, i.actor?.id, i.count])).toEqual([
      ['undo-unenroll', String(USERS.admin), undo.restored],
      ['unenroll', String(USERS.manager), 1],
      ['bulk-unenroll', String(USERS.manager), bulk.unenrolled],
    ]);
    expect(page.items[2]).toMatchObject({ filter, batchId: bulk.batchId, at: clock.now().toISOString() });
    expect(page.items[0]!.batchId).toBe(bulk.batchId);

    // Keyset pages, one entry at a time, give the same entries.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: typeof page = await ok(
        await c.call('admin', 'GET', `/api/sequences/${seq}/history?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
        HistoryPage,
      );
      seen.push(...p.items.map((i) => i.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(page.items.map((i) => i.id));
  });

  it('is for managers and admins only', async () => {
    expect((await errorOf(await c.call('rep', 'GET', '/api/sequences/1/history'))).status).toBe(403);
    expect((await errorOf(await c.call('marketer', 'GET', '/api/sequences/1/history'))).status).toBe(403);
    expect((await errorOf(await c.call('manager', 'GET', '/api/sequences/1/history?cursor=garbage'))).paths).toEqual(['query.cursor']);
  });
});

describe('Scheduled tab', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  async function walk(role: Role, seq: number, qs = '', limit = 40) {
    const items: ScheduledStep[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const p: ScheduledPage = await ok(
        await c.call(role, 'GET', `/api/sequences/${seq}/scheduled?limit=${limit}${qs}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
        ScheduledPage,
      );
      items.push(...p.items);
      cursor = p.nextCursor;
      total = p.total;
    } while (cursor);
    return { items, total };
  }
  const inOrder = (items: ScheduledStep[]) =>
    items.every((it, i) => i === 0 || items[i - 1]!.sendAt < it.sendAt || (items[i - 1]!.sendAt === it.sendAt && Number(items[i - 1]!.enrollmentId) < Number(it.enrollmentId)));

  it('lists the upcoming step of every active enrollment, soonest first, across pages', async () => {
    const { items, total } = await walk('manager', 1);
    const expected = await c.rows<{ id: number; current_step: number }>(
      `SELECT id, current_step FROM enrollments WHERE sequence_id = 1 AND status = 'active' AND next_step_at IS NOT NULL`,
    );
    expect(total).toBe(expected.length);
    expect(items.map((i) => Number(i.enrollmentId)).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
    expect(inOrder(items)).toBe(true);
    const steps = new Map(expected.map((e) => [e.id, e.current_step]));
    for (const it of items) expect(it.step.position).toBe(steps.get(Number(it.enrollmentId)));
    expect(items[0]!.inbox?.address).toMatch(/@/);
  });

  it('filters by step type and by send time', async () => {
    const { items } = await walk('manager', 1);
    const type = items[0]!.step.type;
    const byType = await walk('manager', 1, `&type=${type}`);
    expect(byType.total).toBe(items.filter((i) => i.step.type === type).length);
    expect(byType.items.every((i) => i.step.type === type)).toBe(true);

    const from = items[5]!.sendAt;
    const to = items[20]!.sendAt;
    const window = await walk('manager', 1, `&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 7);
    expect(window.items.map((i) => i.enrollmentId)).toEqual(items.filter((i) => i.sendAt >= from && i.sendAt < to).map((i) => i.enrollmentId));
    expect(inOrder(window.items)).toBe(true);

    const bad = await errorOf(await c.call('manager', 'GET', `/api/sequences/1/scheduled?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`));
    expect(bad.paths).toEqual(['query.from']);
  });

  it('shows a rep only their own enrollments', async () => {
    const seq = await repSequence(c);
    const { items, total } = await walk('rep', seq);
    const n = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status = 'active' AND enrolled_by = ${USERS.rep}`, [seq]);
    expect(n.n).toBeGreaterThan(0);
    expect(total).toBe(n.n);
    expect(items.every((i) => i.enrolledBy.id === String(USERS.rep))).toBe(true);
  });

  it('drops a row unenrolled from the Scheduled tab; the Enrollments tab shows it unenrolled', async () => {
    const first = await ok(await c.call('manager', 'GET', '/api/sequences/4/scheduled?limit=5'), ScheduledPage);
    const target = first.items[0]!;
    const e = await ok(await c.call('manager', 'POST', `/api/enrollments/${target.enrollmentId}/unenroll`), Enrollment);
    expect(e).toMatchObject({ status: 'unenrolled', unenrollReason: 'MANUAL' });
    const again = await ok(await c.call('manager', 'GET', '/api/sequences/4/scheduled?limit=5'), ScheduledPage);
    expect(again.total).toBe(first.total - 1);
    expect(again.items.map((i) => i.enrollmentId)).not.toContain(target.enrollmentId);
  });
});

describe('sequence settings and finishing', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('lets the owning rep, managers and admins switch "unenroll contacts from the same company"', async () => {
    expect(await ok(await c.call('rep', 'PATCH', '/api/sequences/1/settings', { unenrollSameCompany: true }), { parse: (v) => v })).toEqual({
      id: '1',
      unenrollSameCompany: true,
    });
    const detail = await ok(await c.call('manager', 'GET', '/api/sequences/1'), SequenceDetail);
    expect(detail.unenrollSameCompany).toBe(true);
    expect((await c.call('manager', 'PATCH', '/api/sequences/1/settings', { unenrollSameCompany: false })).status).toBe(200);
    // A sequence the rep enrolled contacts in but does not own.
    const notOwned = await c.one<{ id: number }>(
      `SELECT s.id FROM sequences s WHERE s.owner_id <> ${USERS.rep} AND s.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = ${USERS.rep}) ORDER BY s.id LIMIT 1`,
    );
    expect((await errorOf(await c.call('rep', 'PATCH', `/api/sequences/${notOwned.id}/settings`, { unenrollSameCompany: true }))).status).toBe(403);
    expect((await errorOf(await c.call('marketer', 'PATCH', `/api/sequences/${notOwned.id}/settings`, { unenrollSameCompany: true }))).status).toBe(403);
    const history = await ok(await c.call('manager', 'GET', '/api/sequences/1/history'), HistoryPage);
    expect(history.items.slice(0, 2).map((i) => [i.action, i.details.unenrollSameCompany])).toEqual([
      ['settings', false],
      ['settings', true],
    ]);
  });

  it('moves an enrollment through its steps and finishes it after the last (reason FINISHED)', async () => {
    const row = await c.one<{ id: number; current_step: number; total: number }>(
      `SELECT e.id, e.current_step, (SELECT count(*)::int FROM sequence_steps s WHERE s.sequence_id = e.sequence_id) AS total
         FROM enrollments e WHERE e.sequence_id = 5 AND e.status = 'active' AND e.current_step < 3 ORDER BY e.id LIMIT 1`,
    );
    const before = await c.one(FIGURES_SQL, [5]);
    let step = row.current_step;
    const wrong = await errorOf(await c.call('manager', 'POST', `/api/enrollments/${row.id}/complete-step`, { step: step + 1 }));
    expect([wrong.status, wrong.code]).toEqual([409, 'conflict']);
    for (; step < row.total; step++) {
      const e = await ok(await c.call('manager', 'POST', `/api/enrollments/${row.id}/complete-step`, { step }), Enrollment);
      const delay = await c.one<{ d: number }>('SELECT delay_days AS d FROM sequence_steps WHERE sequence_id = 5 AND position = $1', [step + 1]);
      expect(e).toMatchObject({ status: 'active', currentStep: step + 1, unenrollReason: null });
      expect(e.nextStepAt).toBe(new Date(clock.now().getTime() + delay.d * 86_400_000).toISOString());
    }
    const done = await ok(await c.call('manager', 'POST', `/api/enrollments/${row.id}/complete-step`, { step }), Enrollment);
    expect(done).toMatchObject({ status: 'finished', unenrollReason: 'FINISHED', currentStep: row.total, nextStepAt: null, unenrolledBy: null });
    expect((await errorOf(await c.call('manager', 'POST', `/api/enrollments/${row.id}/complete-step`, { step }))).status).toBe(409);
    expect(await c.one(FIGURES_SQL, [5])).toEqual(before);
  });

  it('lets a rep complete steps only of their own enrollments', async () => {
    const other = await c.one<{ id: number; current_step: number }>(`SELECT id, current_step FROM enrollments WHERE status = 'active' AND enrolled_by <> ${USERS.rep} LIMIT 1`);
    expect((await errorOf(await c.call('rep', 'POST', `/api/enrollments/${other.id}/complete-step`, { step: other.current_step }))).status).toBe(404);
  });
});

describe('activity ingest', () => {
  let c: Client;
  let key: string;
  let n = 0;
  const NOW = () => clock.now().toISOString();
  beforeAll(async () => {
    c = await client();
    const created = await ok(await c.call('admin', 'POST', '/api/integration-keys', { name: 'Mail sync' }), CreatedIntegrationKey, 201);
    key = created.key;
  });
  afterAll(() => c.close());

  const post = (event: unknown, auth: string | null = key) =>
    c.app.request('/api/activity', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(event),
    });
  const send = async (event: Record<string, unknown>) => ok(await post({ eventId: `evt-${++n}`, occurredAt: NOW(), ...event }), ActivityResult);

  /** A live enrollment (in a sequence without the same-company setting unless asked), with its sender. */
  async function live(where = 'true') {
    return c.one<{ id: number; contact_id: number; contact_email: string; sequence_id: number; enrolled_by: number; sender: string }>(
      `SELECT e.id, e.contact_id, e.contact_email, e.sequence_id, e.enrolled_by,
              (SELECT address FROM inboxes i WHERE i.user_id = e.enrolled_by ORDER BY i.id LIMIT 1) AS sender
         FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
        WHERE e.status = 'active' AND s.deleted_at IS NULL AND ${where}
          AND NOT EXISTS (SELECT 1 FROM activity_events a WHERE a.payload->'contact'->>'id' = e.contact_id::text)
        ORDER BY e.id LIMIT 1`,
    );
  }
  const statusOf = async (id: number) =>
    c.one<{ status: string; unenroll_reason: string | null; unenrolled_by: number | null }>(
      'SELECT status, unenroll_reason, unenrolled_by FROM enrollments WHERE id = $1',
      [id],
    );
  const own = (r: ActivityResult) => r.unenrolled.filter((u) => u.scope === 'contact').map((u) => [u.enrollmentId, u.reason]);

  it('refuses requests without a valid integration key with 401, and needs no CSRF token', async () => {
    const event = { type: 'reply', eventId: 'x-1', occurredAt: NOW(), contact: { id: '1' } };
    for (const auth of [null, 'sdk_not-a-real-key', 'something-else']) {
      const res = await post(event, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
    // A signed-in session is not a key.
    const withSession = await c.call('admin', 'POST', '/api/activity', event);
    expect(withSession.status).toBe(401);
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM activity_events`)).n).toBe(0);
  });

  it('keeps only a hash of a key, lists keys without them, and refuses a revoked key', async () => {
    const created = await ok(await c.call('admin', 'POST', '/api/integration-keys', { name: 'Calendar' }), CreatedIntegrationKey, 201);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const stored = await c.rows<{ key_hash: string }>('SELECT key_hash FROM integration_keys');
    expect(stored.map((s) => s.key_hash)).not.toContain(created.key);
    const list = await ok(await c.call('admin', 'GET', '/api/integration-keys'), IntegrationKeyList);
    expect(list.items.map((k) => k.name)).toEqual(['Calendar', 'Mail sync']);
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect((await c.call('manager', 'GET', '/api/integration-keys')).status).toBe(403);

    const target = await live();
    expect((await post({ type: 'bounce', bounceType: 'soft', eventId: 'cal-1', occurredAt: NOW(), contact: { id: String(target.contact_id) } }, created.key)).status).toBe(200);
    expect((await c.call('admin', 'DELETE', `/api/integration-keys/${created.id}`)).status).toBe(204);
    expect((await post({ type: 'bounce', bounceType: 'soft', eventId: 'cal-2', occurredAt: NOW(), contact: { id: '1' } }, created.key)).status).toBe(401);
  });

  it('gives each key a scope: a key for ingest only is refused on the activity feed (403), one for both is not', async () => {
    const list0 = await ok(await c.call('admin', 'GET', '/api/integration-keys'), IntegrationKeyList);
    expect(list0.items.find((k) => k.name === 'Mail sync')?.scope).toBe('activity');
    const ingestOnly = await ok(await c.call('admin', 'POST', '/api/integration-keys', { name: 'Loader', scope: 'ingest' }), CreatedIntegrationKey, 201);
    const both = await ok(await c.call('admin', 'POST', '/api/integration-keys', { name: 'Sync', scope: 'both' }), CreatedIntegrationKey, 201);
    expect([ingestOnly.scope, both.scope]).toEqual(['ingest', 'both']);
    const bad = await errorOf(await c.call('admin', 'POST', '/api/integration-keys', { name: 'Odd', scope: 'everything' }));
    expect([bad.status, bad.code]).toEqual([400, 'validation_failed']);

    const target = await live();
    const event = (id: string) => ({ type: 'bounce', bounceType: 'soft', eventId: id, occurredAt: NOW(), contact: { id: String(target.contact_id) } });
    const refused = await errorOf(await post(event('scope-1'), ingestOnly.key));
    expect([refused.status, refused.code]).toEqual([403, 'forbidden']);
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM activity_events WHERE event_id = 'scope-1'`)).n).toBe(0);
    expect((await post(event('scope-2'), both.key)).status).toBe(200);
  });

  it('rule 1: a reply unenrolls (REPLIED, no user), shown on the contact record; a repeated event id changes nothing', async () => {
    const e = await live();
    const eventId = `reply-${e.id}`;
    const r = await ok(await post({ type: 'reply', eventId, occurredAt: NOW(), contact: { email: e.contact_email.toUpperCase() } }), ActivityResult);
    expect(r).toMatchObject({ eventId, duplicate: false, contactId: String(e.contact_id) });
    expect(own(r)).toEqual([[String(e.id), 'REPLIED']]);
    expect(await statusOf(e.id)).toEqual({ status: 'unenrolled', unenroll_reason: 'REPLIED', unenrolled_by: null });
    const contact = await ok(await c.call('manager', 'GET', `/api/contacts/${e.contact_id}`), ContactDetail);
    expect(contact.enrollments.find((x) => x.id === String(e.id))).toMatchObject({ status: 'unenrolled', unenrollReason: 'REPLIED' });

    // The same event id again, even about another contact: the first answer, no change.
    const other = await live();
    const again = await ok(await post({ type: 'reply', eventId, occurredAt: NOW(), contact: { id: String(other.contact_id) } }), ActivityResult);
    expect(again).toEqual({ ...r, duplicate: true });
    expect((await statusOf(other.id)).status).toBe('active');
    const audits = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE details->>'eventId' = $1`, [eventId]);
    expect(audits.n).toBeGreaterThanOrEqual(1);
    await post({ type: 'reply', eventId, occurredAt: NOW(), contact: { id: String(other.contact_id) } });
    expect((await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE details->>'eventId' = $1`, [eventId])).n).toBe(audits.n);
  });

  it('rule 2: an email to the sender from the enrolled address unenrolls; one to another user does not', async () => {
    const e = await live();
    const elsewhere = await send({ type: 'inbound_email', contact: { id: String(e.contact_id) }, toAddress: 'someone.else@example.org' });
    expect(elsewhere.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why: 'not-to-sender' });
    expect((await statusOf(e.id)).status).toBe('active');
    const r = await send({ type: 'inbound_email', contact: { id: String(e.contact_id) }, toAddress: e.sender });
    expect(own(r)).toEqual([[String(e.id), 'EMAILED_OUTSIDE_SEQUENCE']]);
  });

  it('rule 3: a reply from another address unenrolls (REPLIED_FROM_OTHER_ADDRESS)', async () => {
    const e = await live();
    const r = await send({ type: 'reply_other_address', contact: { id: String(e.contact_id) }, fromAddress: 'private.me@example.net' });
    expect(own(r)).toEqual([[String(e.id), 'REPLIED_FROM_OTHER_ADDRESS']]);
  });

  it('rule 4: an email from an alias to the sender unenrolls (EMAILED_FROM_ALIAS)', async () => {
    const e = await live();
    const r = await send({ type: 'alias_email', contact: { id: String(e.contact_id) }, aliasAddress: 'alias@example.net', toAddress: e.sender });
    expect(own(r)).toEqual([[String(e.id), 'EMAILED_FROM_ALIAS']]);
  });

  it('rule 5: a colleague\'s reply unenrolls a contact of the same company only where the sequence says so', async () => {
    // Two contacts of one company, both live; B in a sequence we switch on and off.
    const pair = await c.one<{ a: number; a_contact: number; b: number; b_seq: number }>(
      `SELECT ea.id AS a, ea.contact_id AS a_contact, eb.id AS b, eb.sequence_id AS b_seq
         FROM enrollments ea JOIN contacts ca ON ca.id = ea.contact_id
         JOIN contacts cb ON cb.company_id = ca.company_id AND cb.id <> ca.id
         JOIN enrollments eb ON eb.contact_id = cb.id AND eb.status = 'active'
         JOIN sequences sb ON sb.id = eb.sequence_id AND sb.deleted_at IS NULL AND sb.owner_id = ${USERS.manager}
        WHERE ea.status = 'active' AND ea.enrolled_at <= eb.enrolled_at
          AND NOT EXISTS (SELECT 1 FROM activity_events x WHERE x.payload->'contact'->>'id' = ea.contact_id::text)
        ORDER BY ea.id LIMIT 1`,
    );
    await ok(await c.call('manager', 'PATCH', `/api/sequences/${pair.b_seq}/settings`, { unenrollSameCompany: false }), { parse: (v) => v });
    const off = await send({ type: 'auto_reply', sendingClient: 'gmail', receivingInbox: 'outlook', contact: { id: String(pair.a_contact) } });
    expect(own(off)).toEqual([[String(pair.a), 'REPLIED']]);
    expect(off.kept).toContainEqual({ enrollmentId: String(pair.b), status: 'active', why: 'same-company-off' });
    expect((await statusOf(pair.b)).status).toBe('active');

    // Back on, with A enrolled again: the next reply takes B too.
    await c.db.query(`UPDATE enrollments SET status = 'active', unenroll_reason = NULL, unenrolled_at = NULL WHERE id = $1`, [pair.a]);
    await ok(await c.call('manager', 'PATCH', `/api/sequences/${pair.b_seq}/settings`, { unenrollSameCompany: true }), { parse: (v) => v });
    const on = await send({ type: 'reply', contact: { id: String(pair.a_contact) } });
    expect(on.unenrolled).toContainEqual({
      enrollmentId: String(pair.b),
      contactId: expect.any(String),
      sequenceId: String(pair.b_seq),
      reason: 'COMPANY_MEMBER_REPLIED',
      scope: 'company',
    });
    expect((await statusOf(pair.b)).unenroll_reason).toBe('COMPANY_MEMBER_REPLIED');
  });

  it('rule 6: meetings count through a step link with anyone, elsewhere only with the enrolling user', async () => {
    const e = await live();
    const other = e.enrolled_by === USERS.manager ? USERS.admin : USERS.manager;
    const base = { type: 'meeting_booked', contact: { id: String(e.contact_id) } };
    for (const [source, extra, why] of [
      ['contact_record', {}, 'booked-with-another-user'],
      ['calendar', {}, 'booked-with-another-user'],
      ['associated_record', { associatedWithContact: false, bookedWith: String(e.enrolled_by) }, 'not-associated-with-contact'],
    ] as const) {
      const r = await send({ ...base, source, bookedWith: String(other), ...extra });
      expect(r.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why });
    }
    expect((await statusOf(e.id)).status).toBe('active');
    // Logged now, while enrolled, for a meeting that took place a year ago: it counts.
    const r = await send({ ...base, source: 'step_link', bookedWith: String(other), meetingAt: '2020-01-01T10:00:00Z' });
    expect(own(r)).toEqual([[String(e.id), 'MEETING_BOOKED']]);

    const e2 = await live();
    const r2 = await send({ type: 'meeting_booked', contact: { id: String(e2.contact_id) }, source: 'calendar', bookedWith: String(e2.enrolled_by) });
    expect(own(r2)).toEqual([[String(e2.id), 'MEETING_BOOKED']]);
  });

  it('rules 7 and 8: the sequence\'s unsubscribe link and a hard bounce unenroll; a soft bounce does not', async () => {
    const e = await live();
    const wrong = await send({ type: 'unsubscribe', contact: { id: String(e.contact_id) }, sequenceId: String(e.sequence_id === 1 ? 2 : 1) });
    expect(wrong.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why: 'other-sequence' });
    expect(own(await send({ type: 'unsubscribe', contact: { id: String(e.contact_id) }, sequenceId: String(e.sequence_id) }))).toEqual([
      [String(e.id), 'UNSUBSCRIBED'],
    ]);
    const b = await live();
    expect((await send({ type: 'bounce', contact: { id: String(b.contact_id) }, bounceType: 'soft' })).kept[0]?.why).toBe('soft-bounce');
    expect(own(await send({ type: 'bounce', contact: { id: String(b.contact_id) }, bounceType: 'hard' }))).toEqual([[String(b.id), 'BOUNCED']]);
  });

  it('out of office: recognised pairs keep the contact, the others unenroll it as a reply', async () => {
    const pairs = [
      ['gmail', 'gmail', true],
      ['outlook', 'gmail', true],
      ['outlook', 'outlook', true],
      ['gmail', 'outlook', false],
      ['other', 'gmail', false],
    ] as const;
    for (const [sendingClient, receivingInbox, recognised] of pairs) {
      const e = await live();
      const r = await send({ type: 'auto_reply', contact: { id: String(e.contact_id) }, sendingClient, receivingInbox });
      if (recognised) expect(r.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why: 'out-of-office' });
      else expect(own(r)).toEqual([[String(e.id), 'REPLIED']]);
      expect((await statusOf(e.id)).status).toBe(recognised ? 'active' : 'unenrolled');
      if (recognised) await send({ type: 'reply', contact: { id: String(e.contact_id) } }); // use the contact up
    }
  });

  it('rule 9: a workflow unenrolls only on the enterprise plan', async () => {
    const e = await live();
    const starter = await send({ type: 'workflow_unenroll', contact: { id: String(e.contact_id) } });
    expect(starter.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why: 'not-enterprise' });
    await c.db.query(`UPDATE account SET plan = 'enterprise'`);
    try {
      const r = await send({ type: 'workflow_unenroll', contact: { id: String(e.contact_id) }, workflowId: 'wf-17' });
      expect(own(r)).toEqual([[String(e.id), 'WORKFLOW']]);
    } finally {
      await c.db.query(`UPDATE account SET plan = 'starter'`);
    }
  });

  it('counts only what happened while enrolled, and ignores unknown contacts', async () => {
    const e = await live();
    const enrolledAt = await c.one<{ at: Date }>('SELECT enrolled_at AS at FROM enrollments WHERE id = $1', [e.id]);
    const early = await ok(
      await post({ type: 'reply', eventId: `early-${e.id}`, occurredAt: new Date(new Date(enrolledAt.at).getTime() - 60_000).toISOString(), contact: { id: String(e.contact_id) } }),
      ActivityResult,
    );
    expect(early.kept).toContainEqual({ enrollmentId: String(e.id), status: 'active', why: 'before-enrollment' });
    const nobody = await send({ type: 'reply', contact: { email: 'nobody@nowhere.example' } });
    expect(nobody).toMatchObject({ contactId: null, unenrolledTotal: 0, keptTotal: 0 });
    const invalid = await errorOf(await post({ type: 'reply', eventId: 'bad', occurredAt: 'yesterday', contact: { id: '1' } }));
    expect([invalid.status, invalid.paths]).toEqual([400, ['body.occurredAt']]);
  });

  it('account level: a deleted sequence and a removed creator end every live enrollment', async () => {
    const seq = 18;
    const liveCount = await c.one<{ n: number }>(`SELECT count(*)::int AS n FROM enrollments WHERE sequence_id = $1 AND status IN ('active', 'paused')`, [seq]);
    const before = await c.one(FIGURES_SQL, [seq]);
    const deleted = await send({ type: 'sequence_deleted', sequenceId: String(seq) });
    expect(deleted.unenrolledTotal).toBe(liveCount.n);
    expect(new Set(deleted.unenrolled.map((u) => u.reason))).toEqual(new Set(['SEQUENCE_DELETED']));
    expect((await c.call('manager', 'GET', `/api/sequences/${seq}`)).status).toBe(404);
    expect(await c.one(FIGURES_SQL, [seq])).toEqual(before);

    // A teammate who created live sequences with live enrollments leaves.
    const creator = await c.one<{ user: number; seq: number; n: number }>(
      `SELECT s.created_by AS user, min(s.id)::int AS seq, count(*)::int AS n
         FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
        WHERE s.created_by NOT IN ${DEMO_IDS} AND s.deleted_at IS NULL AND e.status IN ('active', 'paused')
        GROUP BY 1 ORDER BY 1 LIMIT 1`,
    );
    expect(creator.n).toBeGreaterThan(0);
    const removed = await send({ type: 'user_removed', userId: String(creator.user), change: 'removed' });
    expect(removed.unenrolledTotal).toBe(creator.n);
    expect(new Set(removed.unenrolled.map((u) => u.reason))).toEqual(new Set(['CREATOR_REMOVED']));
    expect((await c.one<{ active: boolean }>('SELECT active FROM users WHERE id = $1', [creator.user])).active).toBe(false);
    const history = await ok(await c.call('manager', 'GET', `/api/sequences/${creator.seq}/history`), HistoryPage);
    expect(history.items[0]).toMatchObject({ action: 'auto-unenroll', actor: null, reason: 'CREATOR_REMOVED' });
  });
});
