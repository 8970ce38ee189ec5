import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contract/auth';
import { AttentionFixResult, AttentionOverview, type AttentionGroup } from '../../src/contract/attention';
import { EmailProblem, EnrollErrorCode, type InboxProvider } from '../../src/contract/codes';
import { UndoResult } from '../../src/contract/enrollments';
import { HistoryPage } from '../../src/contract/sequences';
import { sendLimitOf } from '../../src/domain/send-limits';
import { demoClock, demoSnapshot } from '../store/test-db';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

// API tests of Needs attention (issue 14). Each describe block works on its own copy of the
// demo database (seed 42, clock stopped at the data's `now`); expected counts are recounted
// from the rows with SQL, never written down.

let clock: { now(): Date };
beforeAll(async () => {
  clock = await demoClock();
});

const USERS = (await demoSnapshot()).stats.demoUserIds as Record<Role, number>;

interface Client extends TestClient {
  overview(role: Role, query?: string): Promise<AttentionOverview>;
  fix(role: Role, action: 'reenroll' | 'unenroll', body: unknown, key?: string): Promise<Response>;
}

async function client(): Promise<Client> {
  const t = await testClient({ clock });
  return {
    ...t,
    overview: async (role, query = '') => ok(await t.call(role, 'GET', `/api/attention${query}`), AttentionOverview),
    fix: (role, action, body, key = crypto.randomUUID()) =>
      t.call(role, 'POST', `/api/attention/${action}`, body, { 'Idempotency-Key': key }),
  };
}

/** What Needs attention lists, recounted from the rows: code (and inbox for INBOX_DISCONNECTED) → count. */
async function recount(c: Client, enrolledBy: number | null): Promise<Map<string, number>> {
  const rows = await c.rows<{ key: string; n: number }>(
    `SELECT CASE WHEN e.email_error = 'INBOX_DISCONNECTED' THEN 'INBOX_DISCONNECTED:' || e.inbox_id
                 ELSE coalesce(e.email_error, e.enroll_error) END AS key, count(*)::int AS n
       FROM enrollments e JOIN sequences s ON s.id = e.sequence_id AND s.deleted_at IS NULL
      WHERE ((e.status = 'paused' AND e.email_error IS NOT NULL) OR (e.status = 'failed' AND e.enroll_error IS NOT NULL))
        AND ($1::int IS NULL OR e.enrolled_by = $1)
      GROUP BY 1`,
    [enrolledBy],
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

const keyOf = (g: AttentionGroup) => (g.key.inboxId ? `${g.key.code}:${g.key.inboxId}` : g.key.code);
const groupOf = (o: AttentionOverview, code: string, inboxId?: string) =>
  o.groups.find((g) => g.key.code === code && (inboxId === undefined || g.key.inboxId === inboxId));

describe('the groups', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('count every error of every visible sequence for a manager, one group per code and per disconnected inbox, biggest first', async () => {
    const o = await c.overview('manager');
    const expected = await recount(c, null);
    expect(new Map(o.groups.map((g) => [keyOf(g), g.count]))).toEqual(expected);
    expect(o.total).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    const counts = o.groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const g of o.groups) {
      expect(g.sequences.reduce((n, s) => n + s.count, 0)).toBe(g.count);
      expect(g.remedy).toBe(EmailProblem.safeParse(g.key.code).success ? (g.key.code === 'SEND_LIMIT_REACHED' ? 'reenroll-next-step' : 'reenroll-this-step') : 'unenroll');
    }
  });

  it('shows a rep only their own enrollments, and every group is there in the demo data', async () => {
    const o = await c.overview('rep');
    expect(new Map(o.groups.map((g) => [keyOf(g), g.count]))).toEqual(await recount(c, USERS.rep));
    expect(o.filters.owners.map((u) => u.id)).toEqual([String(USERS.rep)]);
    const codes = new Set(o.groups.map((g) => g.key.code));
    for (const code of [...EnrollErrorCode.options, ...EmailProblem.options]) expect(codes, code).toContain(code);
  });

  it('an inbox group names its inbox, and fixes none of it while the inbox is disconnected', async () => {
    const o = await c.overview('rep');
    const inboxGroups = o.groups.filter((g) => g.key.code === 'INBOX_DISCONNECTED');
    expect(inboxGroups.length).toBeGreaterThan(0);
    for (const g of inboxGroups) {
      expect(g.inbox?.id).toBe(g.key.inboxId);
      expect(g.inbox?.connected).toBe(false);
      expect(g.fixable).toBe(0);
    }
  });

  it('ALREADY_ENROLLED shows where the contacts are enrolled', async () => {
    const o = await c.overview('manager');
    const g = groupOf(o, 'ALREADY_ENROLLED')!;
    const expected = await c.rows<{ id: number; n: number }>(
      `SELECT e.related_sequence_id AS id, count(*)::int AS n FROM enrollments e JOIN sequences s ON s.id = e.sequence_id AND s.deleted_at IS NULL
        WHERE e.status = 'failed' AND e.enroll_error = 'ALREADY_ENROLLED' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`,
    );
    expect(g.relatedSequences.map((r) => [Number(r.id), r.count])).toEqual(expected.map((r) => [r.id, r.n]));
    expect(groupOf(o, 'BOUNCED')!.relatedSequences).toEqual([]);
  });

  it('filters by sequence, owner and inbox, and offers what has anything to fix', async () => {
    const all = await c.overview('manager');
    const seq = all.filters.sequences[0]!;
    const bySeq = await c.overview('manager', `?sequenceId=${seq.id}`);
    expect(bySeq.total).toBe(seq.count);
    for (const g of bySeq.groups) expect(g.sequences.map((s) => s.id)).toEqual([seq.id]);
    // The choices stay whole, so another can be picked.
    expect(bySeq.filters).toEqual(all.filters);

    const owner = all.filters.owners[1]!;
    expect((await c.overview('manager', `?enrolledBy=${owner.id}`)).total).toBe(owner.count);
    const inbox = all.filters.inboxes[0]!;
    expect((await c.overview('manager', `?inboxId=${inbox.id}`)).total).toBe(inbox.count);
  });

  it('refuses a rep another enroller (403), a sequence they cannot see (404) and a bad id (400)', async () => {
    expect((await errorOf(await c.call('rep', 'GET', `/api/attention?enrolledBy=${USERS.manager}`))).status).toBe(403);
    const hidden = await c.one<{ id: number }>(
      `SELECT s.id FROM sequences s WHERE s.owner_id <> $1 AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.sequence_id = s.id AND e.enrolled_by = $1) LIMIT 1`,
      [USERS.rep],
    );
    expect((await errorOf(await c.call('rep', 'GET', `/api/attention?sequenceId=${hidden.id}`))).status).toBe(404);
    const bad = await errorOf(await c.call('manager', 'GET', '/api/attention?sequenceId=abc'));
    expect(bad).toMatchObject({ status: 400, code: 'validation_failed', paths: ['query.sequenceId'] });
  });
});

describe('Re-enroll at next step (send limit reached)', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  const pausedSql = `SELECT e.id, e.status, e.current_step, e.email_error, e.next_step_at, e.last_activity_at, e.enrolled_by, e.inbox_id,
      (SELECT count(*)::int FROM sequence_steps st WHERE st.sequence_id = e.sequence_id) AS total
     FROM enrollments e JOIN sequences s ON s.id = e.sequence_id AND s.deleted_at IS NULL
    WHERE e.status = 'paused' AND e.email_error = 'SEND_LIMIT_REACHED' AND e.enrolled_by = $1 ORDER BY e.id`;
  type Paused = { id: number; status: string; current_step: number; email_error: string | null; next_step_at: Date | null; last_activity_at: Date | null; inbox_id: number; total: number };

  it('refuses a stale count with 409 and changes nothing', async () => {
    const before = await c.rows<Paused>(pausedSql, [USERS.rep]);
    const res = await c.fix('rep', 'reenroll', { group: { code: 'SEND_LIMIT_REACHED' }, expectedTotal: before.length + 1 });
    expect((await errorOf(res)).status).toBe(409);
    expect(await c.rows<Paused>(pausedSql, [USERS.rep])).toEqual(before);
  });

  it('re-enrolls the group at the next step within every inbox\'s daily limit, says what it skipped, replays, and undoes', async () => {
    const before = await c.rows<Paused>(pausedSql, [USERS.rep]);
    const lastStep = before.filter((r) => r.current_step >= r.total);
    const othersBefore = await c.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrollments WHERE status = 'paused' AND email_error = 'SEND_LIMIT_REACHED' AND enrolled_by <> $1`,
      [USERS.rep],
    );
    const o = await c.overview('rep');
    const group = groupOf(o, 'SEND_LIMIT_REACHED')!;
    expect(group.count).toBe(before.length);
    expect(group.fixable).toBe(before.length - lastStep.length);

    const key = crypto.randomUUID();
    const body = { group: { code: 'SEND_LIMIT_REACHED' }, expectedTotal: group.count };
    const result = await ok(await c.fix('rep', 'reenroll', body, key), AttentionFixResult);
    expect(result).toMatchObject({
      action: 'reenroll',
      step: 'next',
      matched: before.length,
      changed: before.length - lastStep.length,
      skipped: { noFollowingStep: lastStep.length, inboxDisconnected: 0 },
    });
    expect(result.skippedItems.map((i) => Number(i.enrollmentId)).sort((a, b) => a - b)).toEqual(lastStep.map((r) => r.id));

    const after = new Map((await c.rows<Paused>(
      `SELECT id, status, current_step, email_error, next_step_at FROM enrollments WHERE id = ANY($1::int[])`,
      [before.map((r) => r.id)],
    )).map((r) => [r.id, r]));
    for (const r of before) {
      const now = after.get(r.id)!;
      if (r.current_step >= r.total) expect(now).toMatchObject({ status: 'paused', current_step: r.current_step });
      else expect(now).toMatchObject({ status: 'active', current_step: r.current_step + 1, email_error: null });
    }
    // Others' enrollments were not touched.
    expect(
      (await c.one<{ n: number }>(
        `SELECT count(*)::int AS n FROM enrollments WHERE status = 'paused' AND email_error = 'SEND_LIMIT_REACHED' AND enrolled_by <> $1`,
        [USERS.rep],
      )).n,
    ).toBe(othersBefore.n);

    // No inbox has more steps due in any 24 hours from now than its pause point.
    const windows = await c.rows<{ provider: InboxProvider; inbox_id: number; day: number; n: number }>(
      `SELECT i.provider, e.inbox_id, greatest(0, floor(extract(epoch FROM (e.next_step_at - $1::timestamptz)) / 86400))::int AS day, count(*)::int AS n
         FROM enrollments e JOIN inboxes i ON i.id = e.inbox_id
        WHERE e.status = 'active' AND e.inbox_id = ANY($2::int[]) GROUP BY 1, 2, 3`,
      [clock.now(), [...new Set(before.map((r) => r.inbox_id))]],
    );
    const moved = await c.rows<{ inbox_id: number; day: number; n: number }>(
      `SELECT e.inbox_id, floor(extract(epoch FROM (e.next_step_at - $1::timestamptz)) / 86400)::int AS day, count(*)::int AS n
         FROM enrollments e WHERE e.id = ANY($2::int[]) AND e.status = 'active' GROUP BY 1, 2`,
      [clock.now(), before.map((r) => r.id)],
    );
    for (const m of moved) {
      const w = windows.find((x) => x.inbox_id === m.inbox_id && x.day === m.day)!;
      expect(w.n, `inbox ${w.inbox_id} day ${w.day}`).toBeLessThanOrEqual(sendLimitOf(w.provider).sequencesPauseAt);
      expect(m.day).toBeGreaterThanOrEqual(0);
    }
    expect(result.schedule).not.toBeNull();

    // The group now holds only the ones that could not move.
    expect(groupOf(await c.overview('rep'), 'SEND_LIMIT_REACHED')?.count ?? 0).toBe(lastStep.length);

    // A replay answers the same and changes nothing; the same key with another body is refused.
    const replay = await c.fix('rep', 'reenroll', body, key);
    expect(replay.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await ok(replay, AttentionFixResult)).toEqual(result);
    expect((await errorOf(await c.fix('rep', 'reenroll', { ...body, expectedTotal: 0 }, key))).status).toBe(422);

    // The History of each sequence says who re-enrolled how many.
    const seqOf = await c.one<{ sequence_id: number }>('SELECT sequence_id FROM enrollments WHERE id = $1', [Number(
      [...after.values()].find((r) => r.status === 'active')!.id,
    )]);
    const history = await ok(await c.call('manager', 'GET', `/api/sequences/${seqOf.sequence_id}/history`), HistoryPage);
    expect(history.items[0]).toMatchObject({ action: 'reenroll', batchId: result.batchId, actor: { id: String(USERS.rep) } });

    // Undo puts every one back as it was: paused, same step, same problem and times.
    const undo = await ok(await c.call('rep', 'POST', `/api/unenroll-batches/${result.batchId}/undo`), UndoResult);
    expect(undo).toMatchObject({ restored: result.changed, notRestoredTotal: 0 });
    const restored = await c.rows<Paused>(pausedSql, [USERS.rep]);
    expect(restored.map(({ id, status, current_step, email_error, next_step_at, last_activity_at }) => ({ id, status, current_step, email_error, next_step_at, last_activity_at }))).toEqual(
      before.map(({ id, status, current_step, email_error, next_step_at, last_activity_at }) => ({ id, status, current_step, email_error, next_step_at, last_activity_at })),
    );
    const again = await ok(await c.call('rep', 'POST', `/api/unenroll-batches/${result.batchId}/undo`), UndoResult);
    expect(again).toEqual(undo);
    const afterUndo = await ok(await c.call('manager', 'GET', `/api/sequences/${seqOf.sequence_id}/history`), HistoryPage);
    expect(afterUndo.items[0]).toMatchObject({ action: 'undo-reenroll', batchId: result.batchId });
  });
});

describe('Re-enroll at this step (send failure, inbox disconnected, Gmail send error)', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  it('skips send failures whose inbox is disconnected, and re-enrolls the rest at this step', async () => {
    const rows = await c.rows<{ id: number; current_step: number; connected: boolean }>(
      `SELECT e.id, e.current_step, i.connected FROM enrollments e JOIN inboxes i ON i.id = e.inbox_id
         JOIN sequences s ON s.id = e.sequence_id AND s.deleted_at IS NULL
        WHERE e.status = 'paused' AND e.email_error = 'SEND_FAILURE' ORDER BY e.id`,
    );
    const group = groupOf(await c.overview('manager'), 'SEND_FAILURE')!;
    const result = await ok(await c.fix('manager', 'reenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    const disconnected = rows.filter((r) => !r.connected);
    expect(result).toMatchObject({ step: 'this', changed: rows.length - disconnected.length, skipped: { inboxDisconnected: disconnected.length } });
    const now = await c.rows<{ id: number; status: string; current_step: number }>(
      'SELECT id, status, current_step FROM enrollments WHERE id = ANY($1::int[]) ORDER BY id',
      [rows.map((r) => r.id)],
    );
    expect(now).toEqual(rows.map((r) => ({ id: r.id, status: r.connected ? 'active' : 'paused', current_step: r.current_step })));
  });

  it('re-enrolls an inbox\'s group once the inbox is connected again', async () => {
    const o = await c.overview('rep');
    const group = o.groups.find((g) => g.key.code === 'INBOX_DISCONNECTED')!;
    const skippedAll = await ok(await c.fix('rep', 'reenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    expect(skippedAll).toMatchObject({ changed: 0, skipped: { inboxDisconnected: group.count } });

    await c.db.query('UPDATE inboxes SET connected = true WHERE id = $1', [Number(group.key.inboxId)]);
    const reconnected = groupOf(await c.overview('rep'), 'INBOX_DISCONNECTED', group.key.inboxId)!;
    expect(reconnected).toMatchObject({ count: group.count, fixable: group.count, inbox: { connected: true } });
    const result = await ok(await c.fix('rep', 'reenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    expect(result).toMatchObject({ step: 'this', changed: group.count, skipped: { inboxDisconnected: 0 } });
    expect(groupOf(await c.overview('rep'), 'INBOX_DISCONNECTED', group.key.inboxId)).toBeUndefined();
  });

  it('re-enrolls Gmail send errors at the first step, from the connected inbox', async () => {
    const group = groupOf(await c.overview('rep'), 'GMAIL_SEND_ERROR')!;
    const result = await ok(await c.fix('rep', 'reenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    expect(result.changed).toBe(group.fixable);
    expect(result.changed + result.skipped.inboxDisconnected).toBe(group.count);
  });
});

describe('Unenroll (contact errors)', () => {
  let c: Client;
  beforeAll(async () => {
    c = await client();
  });
  afterAll(() => c.close());

  const figures = (seq: number) =>
    c.one<{ enrolled: number; unenrolled: number }>(
      'SELECT sum(enrolled)::int AS enrolled, sum(unenrolled)::int AS unenrolled FROM sequence_figures WHERE sequence_id = $1',
      [seq],
    );

  it('a rep unenrolls their own group, never others\', keeps the code and the figures, and Undo puts it back', async () => {
    const mine = await c.rows<{ id: number; sequence_id: number }>(
      `SELECT e.id, e.sequence_id FROM enrollments e JOIN sequences s ON s.id = e.sequence_id AND s.deleted_at IS NULL
        WHERE e.status = 'failed' AND e.enroll_error = 'BOUNCED' AND e.enrolled_by = $1 ORDER BY e.id`,
      [USERS.rep],
    );
    const othersSql = `SELECT count(*)::int AS n FROM enrollments WHERE status = 'failed' AND enroll_error = 'BOUNCED' AND enrolled_by <> $1`;
    const others = await c.one<{ n: number }>(othersSql, [USERS.rep]);
    expect(others.n).toBeGreaterThan(0);
    const seq = mine[0]!.sequence_id;
    const before = await figures(seq);

    const group = groupOf(await c.overview('rep'), 'BOUNCED')!;
    expect(group.count).toBe(mine.length);
    const result = await ok(await c.fix('rep', 'unenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    expect(result).toMatchObject({ action: 'unenroll', matched: mine.length, changed: mine.length, step: null });

    const rows = await c.rows<{ status: string; enroll_error: string; unenroll_reason: string; unenrolled_by: number }>(
      'SELECT status, enroll_error, unenroll_reason, unenrolled_by FROM enrollments WHERE id = ANY($1::int[])',
      [mine.map((r) => r.id)],
    );
    for (const r of rows) expect(r).toEqual({ status: 'unenrolled', enroll_error: 'BOUNCED', unenroll_reason: 'BULK', unenrolled_by: USERS.rep });
    expect((await c.one<{ n: number }>(othersSql, [USERS.rep])).n).toBe(others.n);
    const during = await figures(seq);
    const inSeq = mine.filter((r) => r.sequence_id === seq).length;
    expect(during).toEqual({ enrolled: before.enrolled, unenrolled: before.unenrolled + inSeq });
    expect(groupOf(await c.overview('rep'), 'BOUNCED')).toBeUndefined();

    const history = await ok(await c.call('manager', 'GET', `/api/sequences/${seq}/history`), HistoryPage);
    expect(history.items[0]).toMatchObject({ action: 'bulk-unenroll', count: inSeq, batchId: result.batchId });

    // Only its author (or a manager) may undo it.
    const undo = await ok(await c.call('rep', 'POST', `/api/unenroll-batches/${result.batchId}/undo`), UndoResult);
    expect(undo).toMatchObject({ restored: mine.length, notRestoredTotal: 0 });
    const back = await c.rows<{ status: string; unenroll_reason: string | null }>(
      'SELECT status, unenroll_reason FROM enrollments WHERE id = ANY($1::int[])',
      [mine.map((r) => r.id)],
    );
    for (const r of back) expect(r).toEqual({ status: 'failed', unenroll_reason: null });
    expect(await figures(seq)).toEqual(before);
    expect(groupOf(await c.overview('rep'), 'BOUNCED')?.count).toBe(mine.length);
  });

  it('a rep cannot aim a remedy at someone else\'s enrollments (403), nor undo a manager\'s batch (404)', async () => {
    const group = groupOf(await c.overview('manager'), 'BLOCKED_DOMAIN')!;
    const res = await c.fix('rep', 'unenroll', { group: group.key, filter: { enrolledBy: String(USERS.manager) }, expectedTotal: 1 });
    expect((await errorOf(res)).status).toBe(403);
    const result = await ok(await c.fix('manager', 'unenroll', { group: group.key, expectedTotal: group.count }), AttentionFixResult);
    expect(result.changed).toBe(group.count);
    expect((await errorOf(await c.call('rep', 'POST', `/api/unenroll-batches/${result.batchId}/undo`))).status).toBe(404);
  });

  it('by filter, unenrolls only that sequence\'s share of the group', async () => {
    const o = await c.overview('manager');
    const group = groupOf(o, 'UNSUBSCRIBED')!;
    const seq = group.sequences[0]!;
    const narrowed = groupOf(await c.overview('manager', `?sequenceId=${seq.id}`), 'UNSUBSCRIBED')!;
    expect(narrowed.count).toBe(seq.count);
    const result = await ok(
      await c.fix('manager', 'unenroll', { group: group.key, filter: { sequenceId: seq.id }, expectedTotal: seq.count }),
      AttentionFixResult,
    );
    expect(result.changed).toBe(seq.count);
    expect(groupOf(await c.overview('manager'), 'UNSUBSCRIBED')!.count).toBe(group.count - seq.count);
  });

  it('refuses the wrong remedy for a group, a group without its inbox, and a missing key, naming the field', async () => {
    expect(await errorOf(await c.fix('manager', 'reenroll', { group: { code: 'BOUNCED' }, expectedTotal: 1 }))).toMatchObject({
      status: 400,
      paths: ['body.group.code'],
    });
    expect(await errorOf(await c.fix('manager', 'unenroll', { group: { code: 'SEND_FAILURE' }, expectedTotal: 1 }))).toMatchObject({
      status: 400,
      paths: ['body.group.code'],
    });
    expect(await errorOf(await c.fix('manager', 'reenroll', { group: { code: 'INBOX_DISCONNECTED' }, expectedTotal: 1 }))).toMatchObject({
      status: 400,
      paths: ['body.group.inboxId'],
    });
    const noKey = await c.call('manager', 'POST', '/api/attention/unenroll', { group: { code: 'BOUNCED' }, expectedTotal: 1 });
    expect(await errorOf(noKey)).toMatchObject({ status: 400, paths: ['header.Idempotency-Key'] });
    expect((await errorOf(await c.fix('marketer', 'unenroll', { group: { code: 'BOUNCED' }, expectedTotal: 1 }))).status).toBe(403);
  });
});
