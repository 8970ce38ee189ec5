import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailHealth } from '../../src/contract/email-health';
import { MarketingEmail, MarketingEmailPage } from '../../src/contract/marketing-email';
import { AccountProbation, RemoveFromMarketingResult, ReviewContactsPage, ReviewProgress } from '../../src/contract/probation';
import { demoClock, demoSnapshot } from '../store/test-db';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

type Role = 'rep' | 'manager' | 'marketer' | 'admin';
const DAY = 86_400_000;

/** A clock the test can move. */
function movableClock(start: Date) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (days: number) => void (now += days * DAY) };
}

async function client(): Promise<{ t: TestClient; clock: ReturnType<typeof movableClock> }> {
  const clock = movableClock((await demoClock()).now());
  return { t: await testClient({ clock }), clock };
}

const probation = async (t: TestClient, role: Role = 'marketer') => ok(await t.call(role, 'GET', '/api/probation'), AccountProbation);
const save = (t: TestClient, step: number, problem: string | null = null, role: Role = 'marketer') =>
  t.call(role, 'PUT', '/api/probation/review', { step, problem });
const walkTo = async (t: TestClient, last: number) => {
  for (let step = 2; step <= last; step++) await ok(await save(t, step), ReviewProgress);
};

describe('the demo account', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  it('starts on probation for its hard-bounce rate, and both screens say so', async () => {
    const { stats } = await demoSnapshot();
    const p = await probation(t);
    expect(p).toMatchObject({ level: 'probation', underWatch: true, canSendMarketing: true, eligible: true, plan: 'starter', warning: null });
    expect(p.startedAt).toBe(stats.probationSince);
    expect(p.figure).toMatchObject({ key: 'hardBounce', threshold: 0.04 });
    expect(p.figure!.valueAtStart).toBeGreaterThan(0.04);
    expect(p.next).toEqual({ level: 'warning_1', at: new Date(Date.parse(stats.probationSince) + 14 * DAY).toISOString() });
    expect(p.history).toEqual([
      { from: 'healthy', to: 'probation', cause: 'threshold_crossed', at: stats.probationSince, actor: null, trigger: expect.objectContaining({ key: 'hardBounce' }) },
    ]);
    const health = await ok(await t.call('marketer', 'GET', '/api/email-health'), EmailHealth);
    expect(health.probation).toMatchObject({ onProbation: true, since: stats.probationSince });
  });

  it('lists its marketing emails newest first, a keyset page at a time', async () => {
    const all = await ok(await t.call('rep', 'GET', '/api/marketing-emails'), MarketingEmailPage);
    expect(all.total).toBe(all.items.length);
    expect(new Set(all.items.map((e) => e.status))).toEqual(new Set(['draft', 'scheduled', 'sent']));
    const first = await ok(await t.call('rep', 'GET', '/api/marketing-emails?limit=4'), MarketingEmailPage);
    const second = await ok(await t.call('rep', 'GET', `/api/marketing-emails?limit=4&cursor=${first.nextCursor}`), MarketingEmailPage);
    expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.slice(0, 8).map((e) => e.id));
    expect(first.total).toBe(all.total);
    const drafts = await ok(await t.call('rep', 'GET', '/api/marketing-emails?status=draft'), MarketingEmailPage);
    expect(drafts.items.every((e) => e.status === 'draft')).toBe(true);
    expect(await errorOf(await t.call('rep', 'GET', '/api/marketing-emails?cursor=nonsense'))).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('permissions', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  it('lets everyone signed in read the probation and the emails, and nobody signed out', async () => {
    for (const role of ['rep', 'manager', 'marketer', 'admin'] as const) expect((await probation(t, role)).level).toBe('probation');
    expect(await errorOf(await t.call(null, 'GET', '/api/probation'))).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(await errorOf(await t.call(null, 'GET', '/api/marketing-emails'))).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it.each(['rep', 'manager'] as const)('does not let a %s review, remove, complete or send', async (role) => {
    const attempts = [
      t.call(role, 'GET', '/api/probation/review'),
      save(t, 2, null, role),
      t.call(role, 'GET', '/api/probation/review/contacts'),
      t.call(role, 'POST', '/api/probation/review/remove', { ids: ['1'] }),
      t.call(role, 'POST', '/api/probation/review/complete', { confirmed: true }),
      t.call(role, 'POST', '/api/marketing-emails/14/send'),
    ];
    for (const res of await Promise.all(attempts)) expect(await errorOf(res)).toMatchObject({ status: 403, code: 'forbidden' });
    const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM review_progress');
    expect(row?.n).toBe(0);
  });
});

describe('the review', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  it('starts at step 1 and saves the step and filter for everyone', async () => {
    expect(await ok(await t.call('marketer', 'GET', '/api/probation/review'), ReviewProgress)).toMatchObject({ step: 1, furthestStep: 1, problem: null, removedCount: 0, updatedBy: null });
    await ok(await save(t, 2), ReviewProgress);
    const byAdmin = await ok(await save(t, 3, 'no_consent', 'admin'), ReviewProgress);
    expect(byAdmin).toMatchObject({ step: 3, furthestStep: 3, problem: 'no_consent', updatedBy: { name: expect.any(String) } });
    // Another user (another browser) picks up where the review stands.
    expect(await ok(await t.call('marketer', 'GET', '/api/probation/review'), ReviewProgress)).toMatchObject({ step: 3, furthestStep: 3, problem: 'no_consent' });
    // Back keeps the furthest step.
    expect(await ok(await save(t, 1), ReviewProgress)).toMatchObject({ step: 1, furthestStep: 3 });
  });

  it('refuses a step that skips ahead (409) and invalid input (400), changing nothing', async () => {
    const before = await ok(await t.call('marketer', 'GET', '/api/probation/review'), ReviewProgress);
    expect(await errorOf(await save(t, 5))).toMatchObject({ status: 409, code: 'review_incomplete' });
    for (const body of [{ step: 0, problem: null }, { step: 6, problem: null }, { step: 2 }, { step: 2, problem: 'spam' }, { step: '2', problem: null }, { step: 2, problem: null, extra: 1 }]) {
      expect(await errorOf(await t.call('marketer', 'PUT', '/api/probation/review', body))).toMatchObject({ status: 400, code: 'validation_failed' });
    }
    expect(await ok(await t.call('marketer', 'GET', '/api/probation/review'), ReviewProgress)).toEqual(before);
  });

  it('lists the marketing contacts with their problems and counts, by keyset pages', async () => {
    const all = await ok(await t.call('marketer', 'GET', '/api/probation/review/contacts?limit=200'), ReviewContactsPage);
    expect(all.total).toBe(all.counts.all);
    expect(all.counts.no_consent).toBeGreaterThan(0);
    expect(all.counts.not_engaged).toBeGreaterThan(0);
    expect(all.counts.invalid_address).toBeGreaterThan(0);
    const noConsent = await ok(await t.call('marketer', 'GET', '/api/probation/review/contacts?problem=no_consent&limit=3'), ReviewContactsPage);
    expect(noConsent.total).toBe(all.counts.no_consent);
    expect(noConsent.items.every((c) => c.consent === 'none' && c.problems.includes('no_consent'))).toBe(true);
    const next = await ok(await t.call('marketer', 'GET', `/api/probation/review/contacts?problem=no_consent&limit=3&cursor=${noConsent.nextCursor}`), ReviewContactsPage);
    expect(Number(next.items[0]!.id)).toBeGreaterThan(Number(noConsent.items.at(-1)!.id));
    const invalid = await ok(await t.call('marketer', 'GET', '/api/probation/review/contacts?problem=invalid_address&limit=200'), ReviewContactsPage);
    expect(invalid.items.every((c) => c.addressStatus !== 'valid')).toBe(true);
    expect(await errorOf(await t.call('marketer', 'GET', '/api/probation/review/contacts?problem=all'))).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('removes contacts from marketing by ids and by filter, all or nothing, deleting nothing', async () => {
    const before = await ok(await t.call('marketer', 'GET', '/api/probation/review/contacts?problem=invalid_address&limit=2'), ReviewContactsPage);
    const ids = before.items.map((c) => c.id);
    const byIds = await ok(await t.call('marketer', 'POST', '/api/probation/review/remove', { ids }), RemoveFromMarketingResult);
    expect(byIds.removed).toBe(2);
    expect(byIds.counts.invalid_address).toBe(before.counts.invalid_address - 2);
    expect(byIds.progress.removedCount).toBe(2);
    // Again: nothing left to change.
    expect((await ok(await t.call('marketer', 'POST', '/api/probation/review/remove', { ids }), RemoveFromMarketingResult)).removed).toBe(0);
    const kept = await t.db.query<{ is_marketing: boolean }>('SELECT is_marketing FROM contacts WHERE id = ANY($1::int[])', [ids.map(Number)]);
    expect(kept).toEqual([{ is_marketing: false }, { is_marketing: false }]);

    // By filter, with the count the user confirmed; a stale count is refused and changes nothing.
    const stale = await t.call('marketer', 'POST', '/api/probation/review/remove', { problem: 'invalid_address', expectedCount: before.counts.invalid_address });
    expect(await errorOf(stale)).toMatchObject({ status: 409, code: 'conflict' });
    const count = byIds.counts.invalid_address;
    const byFilter = await ok(await t.call('marketer', 'POST', '/api/probation/review/remove', { problem: 'invalid_address', expectedCount: count }), RemoveFromMarketingResult);
    expect(byFilter.removed).toBe(count);
    expect(byFilter.counts.invalid_address).toBe(0);
    expect(byFilter.progress.removedCount).toBe(count + 2);

    for (const body of [{ ids: [] }, { ids: ['x'] }, { problem: 'invalid_address' }, {}, { ids: ['1'], problem: 'no_consent', expectedCount: 1 }]) {
      expect(await errorOf(await t.call('marketer', 'POST', '/api/probation/review/remove', body))).toMatchObject({ status: 400, code: 'validation_failed' });
    }
  });

  it('completes only when confirmed (422) and when every step was reached (409)', async () => {
    expect(await errorOf(await t.call('marketer', 'POST', '/api/probation/review/complete', { confirmed: false }))).toMatchObject({ status: 422, code: 'unprocessable' });
    expect(await errorOf(await t.call('marketer', 'POST', '/api/probation/review/complete', { confirmed: true }))).toMatchObject({ status: 409, code: 'review_incomplete' });
    expect(await errorOf(await t.call('marketer', 'POST', '/api/probation/review/complete', {}))).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((await probation(t)).level).toBe('probation');
  });

  it('lifts the probation on Done, audits who did it and what was removed, and stays lifted', async () => {
    const marketer = (await demoSnapshot()).stats.demoUserIds.marketer;
    await walkTo(t, 5);
    const lifted = await ok(await t.call('marketer', 'POST', '/api/probation/review/complete', { confirmed: true }), AccountProbation);
    expect(lifted).toMatchObject({ level: 'healthy', underWatch: false, canSendMarketing: true, figure: null, next: null, warning: null });
    expect(lifted.history[0]).toMatchObject({ from: 'probation', to: 'healthy', cause: 'review_completed', actor: { id: String(marketer), name: 'Alex Kim' } });

    const [entry] = await t.db.query<{ actor_id: number; details: { removed: number; removedContactIds: number[]; removedContactIdsTruncated: boolean } }>(
      `SELECT actor_id, details FROM audit_log WHERE action = 'probation.review_completed'`,
    );
    const removed = await t.db.query<{ contact_id: number }>('SELECT contact_id FROM review_removals ORDER BY contact_id');
    expect(entry?.actor_id).toBe(marketer);
    expect(entry?.details.removed).toBe(removed.length);
    // The ids as removed (the first thousand: this review removed more), all from review_removals.
    const ids = new Set(removed.map((r) => r.contact_id));
    expect(entry!.details.removedContactIds).toHaveLength(Math.min(1000, removed.length));
    expect(entry!.details.removedContactIds.every((id) => ids.has(id))).toBe(true);
    expect(entry!.details.removedContactIdsTruncated).toBe(removed.length > 1000);

    // The same figures do not put it straight back on probation; both screens agree.
    expect((await probation(t, 'rep')).level).toBe('healthy');
    const health = await ok(await t.call('marketer', 'GET', '/api/email-health'), EmailHealth);
    expect(health.probation.onProbation).toBe(false);
    expect(health.recommendations.map((r) => r.code)).not.toContain('COMPLETE_CONTACT_REVIEW');

    // Nothing left to review.
    expect(await errorOf(await t.call('marketer', 'GET', '/api/probation/review'))).toMatchObject({ status: 409, code: 'conflict' });
    expect(await errorOf(await save(t, 2))).toMatchObject({ status: 409, code: 'conflict' });
    expect(await errorOf(await t.call('marketer', 'POST', '/api/probation/review/complete', { confirmed: true }))).toMatchObject({ status: 409, code: 'conflict' });
  });
});

describe('escalation and suspension', () => {
  let t: TestClient;
  let clock: ReturnType<typeof movableClock>;
  beforeAll(async () => ({ t, clock } = await client()));
  afterAll(() => t.close());

  /** Lets `days` pass for the probation (moving the clock instead would end the sessions). */
  const age = (days: number) =>
    t.db.query(
      `UPDATE account SET probation_level_since = probation_level_since - $1 * interval '1 day',
                          probation_started_at = probation_started_at - $1 * interval '1 day'`,
      [days],
    );

  it('warns twice, then suspends, each recorded when it fell due', async () => {
    await age(5);
    const start = await probation(t);
    expect(start.level).toBe('warning_1');
    expect(start.levelSince).toBe(start.history[0]!.at);
    expect(Date.parse(start.levelSince!)).toBe(Date.parse(start.startedAt!) + 14 * DAY);
    expect(start).toMatchObject({ warning: { number: 1, of: 2 }, next: { level: 'warning_2' } });
    await age(7);
    expect(await probation(t)).toMatchObject({ level: 'warning_2', warning: { number: 2, of: 2 }, next: { level: 'suspended' } });
    await age(7);
    const suspended = await probation(t, 'rep');
    expect(suspended).toMatchObject({ level: 'suspended', canSendMarketing: false, next: null, warning: null });
    expect(suspended.history.map((h) => h.to)).toEqual(['suspended', 'warning_2', 'warning_1', 'probation']);
  });

  it('refuses to send marketing email while suspended (409 account_suspended), changing nothing', async () => {
    const [draft] = await t.db.query<{ id: number }>(`SELECT id FROM marketing_emails WHERE status = 'draft' ORDER BY id LIMIT 1`);
    const res = await t.call('marketer', 'POST', `/api/marketing-emails/${draft!.id}/send`);
    expect(await errorOf(res)).toMatchObject({ status: 409, code: 'account_suspended' });
    const [row] = await t.db.query<{ status: string }>('SELECT status FROM marketing_emails WHERE id = $1', [draft!.id]);
    expect(row?.status).toBe('draft');
    expect(await errorOf(await t.call('marketer', 'POST', '/api/marketing-emails/999999/send'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('sends again once the review is done', async () => {
    await walkTo(t, 5);
    expect((await ok(await t.call('admin', 'POST', '/api/probation/review/complete', { confirmed: true }), AccountProbation)).level).toBe('healthy');
    const [draft] = await t.db.query<{ id: number }>(`SELECT id FROM marketing_emails WHERE status = 'draft' ORDER BY id LIMIT 1`);
    const sent = await ok(await t.call('marketer', 'POST', `/api/marketing-emails/${draft!.id}/send`), MarketingEmail);
    expect(sent).toMatchObject({ status: 'sent', sentAt: clock.now().toISOString() });
    expect(sent.sentCount).toBeGreaterThan(0);
    expect(await errorOf(await t.call('marketer', 'POST', `/api/marketing-emails/${draft!.id}/send`))).toMatchObject({ status: 409, code: 'conflict' });
  });
});
