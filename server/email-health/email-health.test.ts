import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ContactNotSent, EmailHealth, NotSentPage, type RateKey } from '../../src/contract/email-health';
import type { Db } from '../store/db';
import { demoClock } from '../store/test-db';
import { errorOf, ok } from '../test-responses';
import { testClient, type TestClient } from '../test-utils';

type Role = 'rep' | 'manager' | 'marketer' | 'admin';
const HOUR = 3_600_000;

async function client(): Promise<{ t: TestClient; now: Date }> {
  const clock = await demoClock();
  return { t: await testClient({ clock }), now: clock.now() };
}

const health = async (t: TestClient, qs = ''): Promise<EmailHealth> =>
  ok(await t.call('marketer', 'GET', `/api/email-health${qs ? `?${qs}` : ''}`), EmailHealth);

const notSentPage = async (t: TestClient, qs: string): Promise<NotSentPage> =>
  ok(await t.call('marketer', 'GET', `/api/email-health/not-sent?${qs}`), NotSentPage);

const rate = (h: EmailHealth, key: RateKey) => h.rates.find((r) => r.key === key)!;

/** The same figures, counted straight from email_events. */
async function countedInSql(db: Db, startsAt: string, endsAt: string, provider: string | null = null) {
  const [row] = await db.query<Record<string, number>>(
    `SELECT count(*) FILTER (WHERE sent)::int AS sent,
            count(*) FILTER (WHERE delivered)::int AS delivered,
            count(*) FILTER (WHERE bounce = 'hard')::int AS "hardBounce",
            count(*) FILTER (WHERE bounce = 'soft')::int AS "softBounce",
            count(*) FILTER (WHERE spam_reported)::int AS "spamReport",
            count(*) FILTER (WHERE unsubscribed)::int AS unsubscribe,
            count(*) FILTER (WHERE opened)::int AS open,
            count(*) FILTER (WHERE clicked)::int AS click
       FROM email_events
      WHERE kind = 'marketing' AND occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR provider = $3)`,
    [startsAt, endsAt, provider],
  );
  return row!;
}

/** Inserts marketing emails as the app would (one statement, so the rollup triggers run). */
async function insertMarketing(
  db: Db,
  rows: Array<{ at: Date; sent?: boolean; bounce?: 'hard' | 'soft' | null; reason?: string | null; contactId?: number }>,
) {
  const [contact] = await db.query<{ id: number }>('SELECT min(id) AS id FROM contacts');
  for (const r of rows) {
    const sent = r.sent ?? true;
    const bounce = r.bounce ?? null;
    await db.query(
      `INSERT INTO email_events (occurred_at, kind, contact_id, provider, sent, not_sent_reason, delivered, bounce)
       VALUES ($1, 'marketing', $2, 'gmail', $3, $4, $5, $6)`,
      [r.at, r.contactId ?? contact!.id, sent, r.reason ?? null, sent && !bounce, bounce],
    );
  }
}

describe('permissions', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  it.each(['rep', 'manager'] as const)('does not show account health to a %s', async (role) => {
    expect(await errorOf(await t.call(role, 'GET', '/api/email-health'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await t.call(role, 'GET', '/api/email-health/not-sent')).status).toBe(403);
  });

  it.each(['marketer', 'admin'] as const)('shows it to a %s', async (role) => {
    expect((await t.call(role, 'GET', '/api/email-health')).status).toBe(200);
    expect((await t.call(role, 'GET', '/api/email-health/not-sent')).status).toBe(200);
  });

  it.each(['rep', 'manager', 'marketer', 'admin'] as const)('shows the account and a contact\'s send problems to a %s', async (role) => {
    expect((await t.call(role, 'GET', '/api/account')).status).toBe(200);
    expect((await t.call(role, 'GET', '/api/contacts/1/not-sent')).status).toBe(200);
  });

  it.each(['rep', 'manager', 'marketer'] as const)('lets only an admin set the industry, not a %s', async (role) => {
    const res = await t.call(role, 'PUT', '/api/account/industry', { industry: 'ecommerce' });
    expect(await errorOf(res)).toMatchObject({ status: 403, code: 'forbidden' });
    expect(Account.parse(await (await t.call('admin', 'GET', '/api/account')).json()).industry).toBe('software');
  });
});

describe('the reporting window', () => {
  let t: TestClient;
  let now: Date;
  beforeAll(async () => ({ t, now } = await client()));
  afterAll(() => t.close());

  const day = (offset: number) => new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000 + offset * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it.each([
    ['', '30d', 30, 28],
    ['window=30d', '30d', 30, 28],
    ['window=90d', '90d', 90, 88],
  ] as const)('"%s" covers the last %s without the last 48 hours, in whole UTC days', async (qs, key, back, days) => {
    const h = await health(t, qs);
    expect(h.window).toEqual({
      key,
      from: iso(day(-back)),
      to: iso(day(-3)),
      days,
      startsAt: day(-back).toISOString(),
      endsAt: day(-2).toISOString(),
    });
    expect(now.getTime() - Date.parse(h.window.endsAt)).toBeGreaterThanOrEqual(48 * HOUR);
    expect(h.asOf).toBe(now.toISOString());
  });

  it.each(['30d', '90d'] as const)('computes the %s figures the API gives exactly as SQL counts them over email_events', async (w) => {
    const h = await health(t, `window=${w}`);
    const sql = await countedInSql(t.db, h.window.startsAt, h.window.endsAt);
    expect(h.sent).toBe(sql.sent);
    expect(h.delivered).toBe(sql.delivered);
    for (const r of h.rates) {
      expect([r.key, r.numerator], r.key).toEqual([r.key, sql[r.key]]);
      expect([r.key, r.denominator], r.key).toEqual([r.key, r.denominatorKind === 'sent' ? sql.sent : sql.delivered]);
      expect(r.value).toBeCloseTo(r.numerator / r.denominator, 12);
    }
    for (const p of h.providers) {
      const s = await countedInSql(t.db, h.window.startsAt, h.window.endsAt, p.provider);
      expect([p.provider, p.sent, p.delivered, p.hardBounce.numerator, p.softBounce.numerator, p.spamReport.numerator]).toEqual([
        p.provider,
        s.sent,
        s.delivered,
        s.hardBounce,
        s.softBounce,
        s.spamReport,
      ]);
    }
    const reasons = await t.db.query<{ reason: string; sales: number; marketing: number }>(
      `SELECT not_sent_reason AS reason, count(*) FILTER (WHERE kind = 'sales')::int AS sales,
              count(*) FILTER (WHERE kind = 'marketing')::int AS marketing
         FROM email_events WHERE not_sent_reason IS NOT NULL AND occurred_at >= $1 AND occurred_at < $2
        GROUP BY 1 ORDER BY 1`,
      [h.window.startsAt, h.window.endsAt],
    );
    const fromApi = h.notSent.groups
      .flatMap((g) => g.reasons.map((r) => ({ reason: r.reason, sales: r.sales, marketing: r.marketing })))
      .sort((a, b) => a.reason.localeCompare(b.reason));
    expect(fromApi).toEqual(reasons);
    expect(h.notSent.total).toBe(reasons.reduce((s, r) => s + r.sales + r.marketing, 0));
  });

  it('sums the trend to the window totals', async () => {
    for (const granularity of ['day', 'week'] as const) {
      const h = await health(t, `window=90d&granularity=${granularity}`);
      const series = h.trend.series.find((s) => s.key === 'hardBounce')!;
      expect(series.points[0]?.from).toBe(h.window.from);
      expect(series.points.at(-1)?.to).toBe(h.window.to);
      expect(series.points.reduce((s, p) => s + p.numerator, 0)).toBe(rate(h, 'hardBounce').numerator);
      expect(series.points.reduce((s, p) => s + p.denominator, 0)).toBe(h.sent);
      expect(series.thresholds).toEqual(
        expect.arrayContaining([
          { kind: 'suspension', value: 0.05 },
          { kind: 'probation', value: 0.04 },
        ]),
      );
    }
    expect((await health(t, 'granularity=day')).trend.series[0]?.points).toHaveLength(28);
  });

  it('tells the demo account\'s story: hard bounces over the limit, on probation, review first', async () => {
    const h = await health(t);
    const hard = rate(h, 'hardBounce');
    expect(hard.value).toBeGreaterThan(0.05);
    expect(hard.value).toBeLessThan(0.08);
    expect(hard).toMatchObject({ band: 'needs_attention', limitState: 'exceeded', suspensionLimit: 0.05 });
    expect(h.status).toBe('critical');
    expect(h.probation).toMatchObject({ eligible: true, plan: 'starter', onProbation: true, figuresWouldTrigger: true });
    expect(h.probation.triggers.map((tr) => tr.key)).toContain('hardBounce');
    expect(h.recommendations.slice(0, 2).map((r) => r.code)).toEqual(['COMPLETE_CONTACT_REVIEW', 'REMOVE_BOUNCING_ADDRESSES']);
    expect(h.benchmark).toEqual({ industry: 'software', source: 'industry', open: 0.28, click: 0.011 });
    expect(h.notSent.groups.map((g) => g.group)).toEqual(['recipient', 'sender']);
    expect(h.notSent.groups[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('answers 400 to an unknown window or granularity, naming the field', async () => {
    expect(await errorOf(await t.call('marketer', 'GET', '/api/email-health?window=7d'))).toMatchObject({ status: 400, paths: ['query.window'] });
    expect(await errorOf(await t.call('marketer', 'GET', '/api/email-health?granularity=month'))).toMatchObject({
      status: 400,
      paths: ['query.granularity'],
    });
  });
});

describe('the last 48 hours and the window bounds', () => {
  let t: TestClient;
  let now: Date;
  beforeAll(async () => ({ t, now } = await client()));
  afterAll(() => t.close());

  it('leaves out emails of the last 48 hours, counts the last moment of the window, not its end', async () => {
    const before = await health(t);
    const endsAt = new Date(before.window.endsAt);
    await insertMarketing(t.db, [
      { at: new Date(now.getTime() - 1 * HOUR), bounce: 'hard' },
      { at: new Date(now.getTime() - 47 * HOUR), bounce: 'hard' },
      { at: new Date(now.getTime() - 48 * HOUR + 1000), bounce: 'hard' },
      { at: endsAt, bounce: 'hard' }, // exclusive end
    ]);
    const unchanged = await health(t);
    expect(unchanged.sent).toBe(before.sent);
    expect(rate(unchanged, 'hardBounce').numerator).toBe(rate(before, 'hardBounce').numerator);

    await insertMarketing(t.db, [
      { at: new Date(endsAt.getTime() - 1000), bounce: 'hard' }, // last second inside
      { at: new Date(before.window.startsAt) }, // inclusive start
      { at: new Date(Date.parse(before.window.startsAt) - 1000), bounce: 'hard' }, // just before it
    ]);
    const after = await health(t);
    expect(after.sent).toBe(before.sent + 2);
    expect(rate(after, 'hardBounce').numerator).toBe(rate(before, 'hardBounce').numerator + 1);
  });

  it('follows updates and deletes of email events', async () => {
    const before = await health(t);
    const [row] = await t.db.query<{ id: number }>(
      `SELECT id FROM email_events WHERE kind = 'marketing' AND sent AND delivered AND NOT opened
          AND occurred_at >= $1 AND occurred_at < $2 ORDER BY id LIMIT 1`,
      [before.window.startsAt, before.window.endsAt],
    );
    await t.db.query(`UPDATE email_events SET delivered = false, bounce = 'soft' WHERE id = $1`, [row!.id]);
    const updated = await health(t);
    expect(rate(updated, 'softBounce').numerator).toBe(rate(before, 'softBounce').numerator + 1);
    expect(updated.delivered).toBe(before.delivered - 1);
    await t.db.query('DELETE FROM email_events WHERE id = $1', [row!.id]);
    const deleted = await health(t);
    expect(deleted.sent).toBe(before.sent - 1);
    expect(rate(deleted, 'softBounce').numerator).toBe(rate(before, 'softBounce').numerator);
  });
});

describe('not enough data', () => {
  let t: TestClient;
  let now: Date;
  beforeAll(async () => {
    ({ t, now } = await client());
    await t.db.query(`DELETE FROM email_events WHERE kind = 'marketing'`);
  });
  afterAll(() => t.close());

  it('says so below 400 marketing emails sent, and judges nothing', async () => {
    const empty = await health(t);
    expect(empty).toMatchObject({ sent: 0, notEnoughData: true, status: 'not_enough_data' });
    expect(rate(empty, 'hardBounce')).toMatchObject({ value: null, numerator: 0, denominator: 0, band: null, limitState: null });

    const at = new Date(Date.parse(empty.window.endsAt) - 5 * 86_400_000);
    // 399 sent (40 hard bounces: 10%) and 50 not sent: not-sent emails do not count.
    await insertMarketing(t.db, [
      ...Array.from({ length: 399 }, (_, i) => ({ at, bounce: i < 40 ? ('hard' as const) : null })),
      ...Array.from({ length: 50 }, () => ({ at, sent: false, reason: 'UNSUBSCRIBED_ALL' })),
    ]);
    const few = await health(t);
    expect(few).toMatchObject({ sent: 399, notEnoughData: true, status: 'not_enough_data' });
    expect(rate(few, 'hardBounce')).toMatchObject({ numerator: 40, denominator: 399, band: null, limitState: null });
    // The figures no longer call for probation, but only a completed review lifts the one the
    // account is on (its stored state).
    expect(few.probation).toMatchObject({ figuresWouldTrigger: false, onProbation: true, triggers: [] });
    expect(few.recommendations.map((r) => r.code)).not.toContain('REMOVE_BOUNCING_ADDRESSES');

    await insertMarketing(t.db, [{ at }]);
    const enough = await health(t);
    expect(enough).toMatchObject({ sent: 400, notEnoughData: false, status: 'critical' });
    expect(rate(enough, 'hardBounce')).toMatchObject({ numerator: 40, denominator: 400, value: 0.1, band: 'needs_attention', limitState: 'exceeded' });
    expect(now.getTime()).toBeGreaterThan(at.getTime());
  });
});

describe('industries', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  const put = (role: Role, body: unknown) => t.call(role, 'PUT', '/api/account/industry', body);

  it('lists the industries and says which have a benchmark of their own', async () => {
    const account = Account.parse(await (await t.call('rep', 'GET', '/api/account')).json());
    expect(account).toMatchObject({ name: 'Brightline Analytics', plan: 'starter', industry: 'software', probationEligible: true });
    expect(account.industries).toContainEqual({ industry: 'other', benchmarkSource: 'general' });
    expect(account.industries).toContainEqual({ industry: 'ecommerce', benchmarkSource: 'industry' });
  });

  it('changes the thresholds and the benchmark when an admin sets the industry', async () => {
    const software = await health(t);
    expect(rate(software, 'hardBounce').probationThreshold).toBe(0.04);

    const res = await put('admin', { industry: 'ecommerce' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(Account.parse(await res.json()).industry).toBe('ecommerce');
    const ecommerce = await health(t);
    expect(rate(ecommerce, 'hardBounce').probationThreshold).toBe(0.02);
    expect(rate(ecommerce, 'spamReport').probationThreshold).toBe(0.0005);
    expect(ecommerce.benchmark).toMatchObject({ industry: 'ecommerce', source: 'industry' });
    expect(ecommerce.probation.triggers.find((tr) => tr.key === 'hardBounce')?.threshold).toBe(0.02);
    expect(ecommerce.trend.series.find((s) => s.key === 'hardBounce')?.thresholds).toContainEqual({ kind: 'probation', value: 0.02 });
    // The figures themselves do not move.
    expect(rate(ecommerce, 'hardBounce').value).toBe(rate(software, 'hardBounce').value);

    await put('admin', { industry: 'manufacturing' });
    const manufacturing = await health(t);
    expect(manufacturing.benchmark).toMatchObject({ industry: 'manufacturing', source: 'general', open: 0.3, click: 0.012 });
    expect(rate(manufacturing, 'open').benchmark).toBe(0.3);

    const [audit] = await t.db.query<{ action: string; details: { from: string; to: string } }>(
      `SELECT action, details FROM audit_log WHERE subject = 'account' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ action: 'account.industry_changed', details: { from: 'ecommerce', to: 'manufacturing' } });
  });

  it('answers 400 to an unknown industry, naming the field', async () => {
    expect(await errorOf(await put('admin', { industry: 'astrology' }))).toMatchObject({
      status: 400,
      code: 'validation_failed',
      paths: ['body.industry'],
    });
    expect(await errorOf(await put('admin', { industry: 'software', extra: 1 }))).toMatchObject({ status: 400, paths: ['body.extra'] });
  });
});

describe('the not-sent list', () => {
  let t: TestClient;
  let h: EmailHealth;
  beforeAll(async () => {
    ({ t } = await client());
    h = await health(t);
  });
  afterAll(() => t.close());

  async function walk(qs: string, limit: number) {
    const items: NotSentPage['items'] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const p: NotSentPage = await notSentPage(t, `${qs}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...p.items);
      total = p.total;
      cursor = p.nextCursor;
    } while (cursor);
    return { items, total };
  }

  it('lists as many emails as the reason\'s count, newest first, each once', async () => {
    const top = h.notSent.groups[0]!.reasons[0]!;
    const { items, total } = await walk(`reason=${top.reason}`, 37);
    expect(total).toBe(top.count);
    expect(items).toHaveLength(top.count);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const i of items) {
      expect(i.reason).toBe(top.reason);
      expect(i.group).toBe('recipient');
      expect(i.occurredAt >= h.window.startsAt && i.occurredAt < h.window.endsAt).toBe(true);
    }
    const times = items.map((i) => i.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by kind, and a sender-side reason is grouped as such', async () => {
    const sender = h.notSent.groups[1]!.reasons[0]!;
    const sales = await notSentPage(t, `reason=${sender.reason}&kind=sales&limit=200`);
    expect(sales.total).toBe(sender.sales);
    expect(sales.items.every((i) => i.kind === 'sales' && i.group === 'sender')).toBe(true);
  });

  it('searches contact name and email', async () => {
    const top = h.notSent.groups[0]!.reasons[0]!;
    const first = (await notSentPage(t, `reason=${top.reason}&limit=1`)).items[0]!;
    const surname = first.contact.name.split(' ').at(-1)!;
    const found = await walk(`reason=${top.reason}&q=${encodeURIComponent(surname.toUpperCase())}`, 200);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.total).toBe(found.items.length);
    for (const i of found.items) expect(`${i.contact.name} ${i.contact.email}`.toLowerCase()).toContain(surname.toLowerCase());
    expect(found.items.map((i) => i.id)).toContain(first.id);
    expect((await notSentPage(t, 'q=zzzz-nobody-zzzz')).total).toBe(0);
  });

  it('keeps emails of the same millisecond apart across pages', async () => {
    const [contact] = await t.db.query<{ id: number }>('SELECT min(id) AS id FROM contacts');
    const base = new Date(Date.parse(h.window.endsAt) - 3 * HOUR).toISOString().replace('Z', '');
    for (const micros of ['123456', '123789', '123001']) {
      await t.db.query(
        `INSERT INTO email_events (occurred_at, kind, contact_id, provider, sent, not_sent_reason)
         VALUES ($1::timestamp AT TIME ZONE 'UTC', 'sales', $2, 'other', false, 'SCHEDULER_REMOVED')`,
        [`${base.slice(0, 19)}.${micros}`, contact!.id],
      );
    }
    const { items, total } = await walk('reason=SCHEDULER_REMOVED&kind=sales', 1);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((i) => i.id)).size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(3);
  });

  it('answers 400 to an unknown reason and to a foreign cursor, naming the field', async () => {
    expect(await errorOf(await t.call('marketer', 'GET', '/api/email-health/not-sent?reason=NOPE'))).toMatchObject({
      status: 400,
      paths: ['query.reason'],
    });
    expect(await errorOf(await t.call('marketer', 'GET', '/api/email-health/not-sent?cursor=abc'))).toMatchObject({
      status: 400,
      paths: ['query.cursor'],
    });
    expect(await errorOf(await t.call('marketer', 'GET', '/api/email-health/not-sent?limit=500'))).toMatchObject({
      status: 400,
      paths: ['query.limit'],
    });
  });
});

describe('a contact\'s emails not sent', () => {
  let t: TestClient;
  beforeAll(async () => ({ t } = await client()));
  afterAll(() => t.close());

  it('lists every email not sent to the contact, with date, kind, reason and group', async () => {
    const [c] = await t.db.query<{ id: number; n: number }>(
      `SELECT contact_id AS id, count(*)::int AS n FROM email_events WHERE not_sent_reason IS NOT NULL
        GROUP BY 1 HAVING count(DISTINCT kind) = 2 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    const res = await t.call('rep', 'GET', `/api/contacts/${c!.id}/not-sent`);
    expect(res.status).toBe(200);
    const body = ContactNotSent.parse(await res.json());
    expect(body.total).toBe(c!.n);
    expect(body.items).toHaveLength(c!.n);
    expect(new Set(body.items.map((i) => i.kind))).toEqual(new Set(['sales', 'marketing']));
    const rows = await t.db.query<{ id: number; reason: string }>(
      'SELECT id, not_sent_reason AS reason FROM email_events WHERE contact_id = $1 AND not_sent_reason IS NOT NULL',
      [c!.id],
    );
    expect(body.items.map((i) => [i.id, i.reason]).sort()).toEqual(rows.map((r) => [String(r.id), r.reason]).sort());
    const times = body.items.map((i) => i.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('gives an empty list for a contact without problems and 404 for an unknown one', async () => {
    const [c] = await t.db.query<{ id: number }>(
      'SELECT min(id) AS id FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM email_events e WHERE e.contact_id = c.id AND e.not_sent_reason IS NOT NULL)',
    );
    expect(ContactNotSent.parse(await (await t.call('manager', 'GET', `/api/contacts/${c!.id}/not-sent`)).json())).toEqual({ items: [], total: 0 });
    expect(await errorOf(await t.call('manager', 'GET', '/api/contacts/999999999/not-sent'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});
