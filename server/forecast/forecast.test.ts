import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailHealth } from '../../src/contract/email-health';
import { SendForecast, SpreadPreview, SpreadResult, UndoSpreadResult } from '../../src/contract/forecast';
import { demoClock } from '../store/test-db';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

type Role = 'rep' | 'manager' | 'marketer' | 'admin';

let t: TestClient;
beforeAll(async () => {
  t = await testClient({ clock: await demoClock() });
});
afterAll(() => t.close());

const forecast = async (role: Role, qs = '') => ok(await t.call(role, 'GET', `/api/send-forecast${qs}`), SendForecast);

/** Each scheduled send of an inbox (active, at an email step, sequence not deleted) by id with its time. */
async function schedule(inboxId: string): Promise<Map<number, string>> {
  const rows = await t.db.query<{ id: number; at: Date }>(
    `SELECT e.id, e.next_step_at AS at FROM enrollments e
       JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step
       JOIN sequences s ON s.id = e.sequence_id
      WHERE e.inbox_id = $1 AND e.status = 'active' AND st.type IN ('automated_email', 'manual_email') AND s.deleted_at IS NULL`,
    [Number(inboxId)],
  );
  return new Map(rows.map((r) => [r.id, new Date(r.at).toISOString()]));
}

/** Sends per local day of the account's zone, counted straight from the table. */
async function perDay(inboxId: string, tz: string): Promise<Map<string, number>> {
  const rows = await t.db.query<{ day: string; n: number }>(
    `SELECT ((e.next_step_at AT TIME ZONE $2)::date)::text AS day, count(*)::int AS n FROM enrollments e
       JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step
       JOIN sequences s ON s.id = e.sequence_id
      WHERE e.inbox_id = $1 AND e.status = 'active' AND st.type IN ('automated_email', 'manual_email') AND s.deleted_at IS NULL
      GROUP BY 1`,
    [Number(inboxId), tz],
  );
  return new Map(rows.map((r) => [r.day, r.n]));
}

describe('send forecast', () => {
  it("shows a rep their own inboxes' next 7 days in the account's time zone, with a day over the limit", async () => {
    const f = await forecast('rep');
    expect(f.timeZone).toBe('Europe/Stockholm');
    expect(f.days).toHaveLength(7);
    const rep = (await t.call('rep', 'GET', '/api/session').then((r) => r.json())) as { user: { id: string } };
    expect(f.inboxes.every((i) => i.owner.id === rep.user.id)).toBe(true);
    const gmail = f.inboxes.find((i) => i.inbox.provider === 'gmail')!;
    expect([gmail.dailyLimit, gmail.pauseAt]).toEqual([350, 315]);
    const counted = await perDay(gmail.inbox.id, f.timeZone);
    expect(gmail.days.map((d) => d.scheduled)).toEqual(f.days.map((d) => counted.get(d) ?? 0));
    const over = gmail.days.filter((d) => d.overflow > 0);
    expect(over.length).toBeGreaterThan(0);
    for (const d of over) {
      expect(d.overflow).toBe(d.scheduled - 315);
      expect(d.failingSteps.reduce((s, x) => s + x.count, 0)).toBe(d.overflow);
    }
    expect(gmail.overflow).toBe(over.reduce((s, d) => s + d.overflow, 0));
  });

  it('shows managers every inbox, or their own with owner=me, or one inbox', async () => {
    const all = await forecast('manager');
    const owners = new Set(all.inboxes.map((i) => i.owner.name));
    expect(owners.size).toBeGreaterThan(5);
    const mine = await forecast('manager', '?owner=me');
    expect(mine.inboxes.length).toBeGreaterThan(0);
    expect(new Set(mine.inboxes.map((i) => i.owner.id)).size).toBe(1);
    const one = await forecast('manager', `?inboxId=${all.inboxes[3]!.inbox.id}`);
    expect(one.inboxes.map((i) => i.inbox.id)).toEqual([all.inboxes[3]!.inbox.id]);
  });

  it("refuses a rep someone else's inbox (403), an unknown inbox (404) and bad input (400)", async () => {
    const all = await forecast('manager');
    const repInboxes = new Set((await forecast('rep')).inboxes.map((i) => i.inbox.id));
    const other = all.inboxes.find((i) => !repInboxes.has(i.inbox.id))!;
    expect(await errorOf(await t.call('rep', 'GET', `/api/send-forecast?inboxId=${other.inbox.id}`))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await t.call('rep', 'GET', `/api/inboxes/${other.inbox.id}/spread`))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await t.call('manager', 'GET', '/api/send-forecast?inboxId=99999'))).toMatchObject({ status: 404 });
    expect(await errorOf(await t.call('manager', 'GET', '/api/send-forecast?inboxId=abc'))).toMatchObject({ status: 400, paths: ['query.inboxId'] });
    expect(await errorOf(await t.call('manager', 'GET', '/api/send-forecast?owner=them'))).toMatchObject({ status: 400, paths: ['query.owner'] });
  });
});

describe('Spread and Undo', () => {
  it('previews, moves the overflow to the next days with room in one go, and Undo restores the exact schedule', async () => {
    const before = await forecast('rep');
    const gmail = before.inboxes.find((i) => i.overflow > 0)!;
    const id = gmail.inbox.id;
    const original = await schedule(id);

    const preview = await ok(await t.call('rep', 'GET', `/api/inboxes/${id}/spread`), SpreadPreview);
    expect(preview.moved + preview.unplaced).toBe(gmail.overflow);
    expect(preview.moves.reduce((s, m) => s + m.count, 0)).toBe(preview.moved);
    for (const m of preview.moves) expect(m.to > m.from).toBe(true);

    const key = crypto.randomUUID();
    const spread = await ok(await t.call('rep', 'POST', `/api/inboxes/${id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': key }), SpreadResult);
    expect(spread).toMatchObject({ inboxId: id, moved: preview.moved, moves: preview.moves });

    // No day of the week is over any more (unless there was no room), nothing else moved.
    const after = await forecast('rep', `?inboxId=${id}`);
    if (preview.unplaced === 0) expect(after.inboxes[0]!.overflow).toBe(0);
    const moved = await schedule(id);
    const changed = [...original].filter(([e, at]) => moved.get(e) !== at);
    expect(changed).toHaveLength(spread.moved);
    for (const [e, at] of changed) {
      const shift = Date.parse(moved.get(e)!) - Date.parse(at);
      // Whole days of the account's zone (23 to 25 hours a day around a clock change).
      expect(shift).toBeGreaterThan(0);
      expect(Math.round(shift / 3_600_000) % 24 === 0 || shift % 3_600_000 === 0).toBe(true);
    }
    const counted = await perDay(id, after.timeZone);
    expect(after.inboxes[0]!.days.map((d) => d.scheduled)).toEqual(after.days.map((d) => counted.get(d) ?? 0));
    if (preview.unplaced === 0) for (const d of after.inboxes[0]!.days) expect(d.scheduled).toBeLessThanOrEqual(315);

    // The same key again: the first answer, nothing more moved.
    const replay = await t.call('rep', 'POST', `/api/inboxes/${id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': key });
    expect(replay.headers.get('Idempotency-Replayed')).toBe('true');
    expect(await ok(replay, SpreadResult)).toEqual(spread);
    expect(await schedule(id)).toEqual(moved);

    // The preview is stale now: confirming it with a new key is a conflict, nothing changes.
    const stale = await t.call('rep', 'POST', `/api/inboxes/${id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(await errorOf(stale)).toMatchObject({ status: 409, code: 'conflict' });
    expect(await schedule(id)).toEqual(moved);

    const undo = await ok(await t.call('rep', 'POST', `/api/send-spreads/${spread.spreadId}/undo`), UndoSpreadResult);
    expect(undo).toMatchObject({ spreadId: spread.spreadId, restored: spread.moved, notRestored: 0 });
    expect(await schedule(id)).toEqual(original);
    // A second Undo answers the same and changes nothing.
    expect(await ok(await t.call('rep', 'POST', `/api/send-spreads/${spread.spreadId}/undo`), UndoSpreadResult)).toEqual(undo);
    expect(await schedule(id)).toEqual(original);
  });

  it('refuses a preview when the schedule changed since (409), and leaves a changed send alone on Undo', async () => {
    const gmail = (await forecast('rep')).inboxes.find((i) => i.overflow > 0)!;
    const id = gmail.inbox.id;
    const preview = await ok(await t.call('rep', 'GET', `/api/inboxes/${id}/spread`), SpreadPreview);
    // Someone changes one of the sends over the limit (a step completed, a time edited): the
    // preview no longer describes what Spread would move.
    const overDay = gmail.days.find((d) => d.overflow > 0)!.date;
    const [extra] = await t.db.query<{ id: number }>(
      `UPDATE enrollments SET version = version + 1, next_step_at = next_step_at + interval '1 minute'
        WHERE id = (SELECT e.id FROM enrollments e
                      JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step
                     WHERE e.inbox_id = $1 AND e.status = 'active' AND st.type IN ('automated_email', 'manual_email')
                       AND (e.next_step_at AT TIME ZONE 'Europe/Stockholm')::date = $2::date
                     ORDER BY e.next_step_at DESC, e.id DESC LIMIT 1)
        RETURNING id`,
      [Number(id), overDay],
    );
    expect(extra).toBeDefined();
    const stale = await t.call('rep', 'POST', `/api/inboxes/${id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(await errorOf(stale)).toMatchObject({ status: 409, code: 'conflict' });

    const fresh = await ok(await t.call('rep', 'GET', `/api/inboxes/${id}/spread`), SpreadPreview);
    expect(fresh.planToken).not.toBe(preview.planToken);
    const spread = await ok(await t.call('rep', 'POST', `/api/inboxes/${id}/spread`, { planToken: fresh.planToken }, { 'Idempotency-Key': crypto.randomUUID() }), SpreadResult);
    // One moved send is unenrolled before Undo: it stays as it is, the rest go back.
    const [item] = await t.db.query<{ enrollment_id: number }>('SELECT enrollment_id FROM send_spread_items WHERE spread_id = $1 LIMIT 1', [Number(spread.spreadId)]);
    await t.db.query(`UPDATE enrollments SET status = 'unenrolled', unenroll_reason = 'MANUAL', next_step_at = NULL, version = version + 1 WHERE id = $1`, [item!.enrollment_id]);
    const undo = await ok(await t.call('manager', 'POST', `/api/send-spreads/${spread.spreadId}/undo`), UndoSpreadResult);
    expect(undo).toMatchObject({ restored: spread.moved - 1, notRestored: 1 });
  });

  it("refuses a rep someone else's Spread and Undo (403), a missing key or a bad token (400), a marketer (403)", async () => {
    const all = await forecast('manager');
    const repInboxes = new Set((await forecast('rep')).inboxes.map((i) => i.inbox.id));
    const other = all.inboxes.find((i) => !repInboxes.has(i.inbox.id))!;
    const preview = await ok(await t.call('manager', 'GET', `/api/inboxes/${other.inbox.id}/spread`), SpreadPreview);
    const asRep = await t.call('rep', 'POST', `/api/inboxes/${other.inbox.id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(await errorOf(asRep)).toMatchObject({ status: 403, code: 'forbidden' });
    const spread = await ok(
      await t.call('manager', 'POST', `/api/inboxes/${other.inbox.id}/spread`, { planToken: preview.planToken }, { 'Idempotency-Key': crypto.randomUUID() }),
      SpreadResult,
    );
    expect(await errorOf(await t.call('rep', 'POST', `/api/send-spreads/${spread.spreadId}/undo`))).toMatchObject({ status: 403 });
    expect(await errorOf(await t.call('rep', 'POST', '/api/send-spreads/99999/undo'))).toMatchObject({ status: 404 });

    const noKey = await t.call('rep', 'POST', `/api/inboxes/${other.inbox.id}/spread`, { planToken: preview.planToken });
    expect(await errorOf(noKey)).toMatchObject({ status: 400, paths: ['header.Idempotency-Key'] });
    const badToken = await t.call('manager', 'POST', `/api/inboxes/${other.inbox.id}/spread`, { planToken: 'nope' }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(await errorOf(badToken)).toMatchObject({ status: 400, paths: ['body.planToken'] });
    expect(await errorOf(await t.call('marketer', 'GET', `/api/inboxes/${other.inbox.id}/spread`))).toMatchObject({ status: 403 });
  });
});

describe('health early warning', () => {
  it('warns of the demo rate heading to its threshold, and says in about how many days', async () => {
    const h = await ok(await t.call('marketer', 'GET', '/api/email-health'), EmailHealth);
    expect(h.earlyWarnings.length).toBeGreaterThan(0);
    for (const w of h.earlyWarnings) {
      const rate = h.rates.find((r) => r.key === w.key)!;
      expect(w.days).toBeGreaterThan(0);
      expect(w.days).toBeLessThanOrEqual(30);
      expect(rate.better === 'lower' ? w.threshold > w.value && w.slopePerDay > 0 : w.threshold < w.value && w.slopePerDay < 0).toBe(true);
    }
  });
});
