import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../src/contract/errors';
import { IngestAccountResult, IngestResult } from '../../src/contract/ingest';
import { SequenceDetail, SequenceList } from '../../src/contract/sequences';
import { createApp } from '../app';
import { createIntegrationKey } from '../integrations/service';
import { insertUser } from '../sessions/users-store';
import { migrate } from '../store/migrate';
import { demoClock, postgresTestSchema } from '../store/test-db';
import { signInAs, testClient, type TestClient } from '../test-utils';

// API tests of the ingest API, on a copy of the demo database (its own rows have no external
// ids, so everything sent here is new to it) with the clock stopped at the data's `now`.

let t: TestClient;
let clock: { now(): Date };
const keys: Record<'ingest' | 'activity' | 'both', string> = { ingest: '', activity: '', both: '' };

beforeAll(async () => {
  clock = await demoClock();
  t = await testClient({ clock });
  const admin = await t.signIn('admin');
  for (const scope of ['ingest', 'activity', 'both'] as const) {
    const res = await t.app.request('/api/integration-keys', {
      method: 'POST',
      headers: { ...admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `ingest test ${scope}`, scope }),
    });
    keys[scope] = ((await res.json()) as { key: string }).key;
  }
  // What the kinds below refer to.
  await must('/api/ingest/users', { items: [{ externalId: 'u-1', email: 'ingest.owner@example.org', name: 'Ines Owner', role: 'rep' }] });
  await must('/api/ingest/companies', { items: [{ externalId: 'co-1', name: 'Acme', domain: 'acme.test' }] });
  await must('/api/ingest/inboxes', {
    items: [{ externalId: 'i-1', owner: 'u-1', address: 'ines@acme.test', provider: 'office365', dailyLimit: 1000 }],
  });
  await must('/api/ingest/contacts', { items: [contact('c-1')] });
  await must('/api/ingest/sequences', { items: [sequence('s-1')] });
  await must('/api/ingest/marketing-emails', { items: [{ externalId: 'm-1', name: 'November news', status: 'sent', sentCount: 10 }] });
  await must('/api/ingest/enrollments', { items: [enrollment('e-1')] });
});
afterAll(() => t.close());

function post(path: string, body: unknown, options: { key?: string; headers?: Record<string, string>; raw?: string } = {}) {
  return t.app.request(path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.key ?? keys.ingest}`, 'Content-Type': 'application/json', ...options.headers },
    body: options.raw ?? JSON.stringify(body),
  });
}
async function must(path: string, body: unknown) {
  const res = await post(path, body);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return IngestResult.parse(JSON.parse(text));
}
async function refusal(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return ErrorBody.parse(JSON.parse(text)).error;
}
const count = async (table: string, externalIds: string[]) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE external_id = ANY($1::text[])`, [externalIds]))[0]?.n;

function contact(externalId: string, extra: Record<string, unknown> = {}) {
  return { externalId, email: `${externalId}@acme.test`, firstName: 'Cora', lastName: externalId, company: 'co-1', owner: 'u-1', consent: 'explicit', ...extra };
}
function sequence(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    name: `Ingested ${externalId}`,
    owner: 'u-1',
    createdBy: 'u-1',
    steps: [{ type: 'automated_email', subject: 'Hello' }, { type: 'call', delayDays: 2 }],
    ...extra,
  };
}
function enrollment(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    sequence: 's-1',
    contact: 'c-1',
    enrolledBy: 'u-1',
    inbox: 'i-1',
    status: 'active',
    enrolledAt: '2026-11-01T09:00:00Z',
    nextStepAt: '2026-11-25T09:00:00Z',
    ...extra,
  };
}
function event(externalId: string, extra: Record<string, unknown> = {}) {
  return { externalId, occurredAt: '2026-11-20T10:00:00Z', kind: 'marketing', contact: 'c-1', marketingEmail: 'm-1', provider: 'gmail', sent: true, delivered: true, ...extra };
}

interface Kind {
  path: string;
  table: string;
  make: (externalId: string) => Record<string, unknown>;
  /** A change to one field. */
  change: Record<string, unknown>;
  /** A value the schema refuses, as [field, value]. */
  invalid: [string, unknown];
  /** A reference to something never sent, as [field, value]. */
  unknownRef?: [string, string];
}

const KINDS: Record<string, Kind> = {
  users: {
    path: '/api/ingest/users',
    table: 'users',
    make: (id) => ({ externalId: id, email: `${id}@acme.test`, name: `User ${id}`, role: 'rep' }),
    change: { role: 'manager' },
    invalid: ['role', 'owner'],
  },
  inboxes: {
    path: '/api/ingest/inboxes',
    table: 'inboxes',
    make: (id) => ({ externalId: id, owner: 'u-1', address: `${id}@acme.test`, provider: 'gmail', dailyLimit: 350 }),
    change: { connected: false },
    invalid: ['provider', 'aol'],
    unknownRef: ['owner', 'u-nobody'],
  },
  companies: {
    path: '/api/ingest/companies',
    table: 'companies',
    make: (id) => ({ externalId: id, name: `Company ${id}`, domain: `${id}.test` }),
    change: { name: 'Renamed Ltd' },
    invalid: ['domain', ''],
  },
  contacts: {
    path: '/api/ingest/contacts',
    table: 'contacts',
    make: (id) => contact(id),
    change: { unsubscribedAll: true, addressStatus: 'bounced', bouncedPortal: true },
    invalid: ['consent', 'maybe'],
    unknownRef: ['company', 'co-nowhere'],
  },
  sequences: {
    path: '/api/ingest/sequences',
    table: 'sequences',
    make: (id) => sequence(id),
    change: { steps: [{ type: 'automated_email', subject: 'Hello again' }] },
    invalid: ['steps', []],
    unknownRef: ['createdBy', 'u-gone'],
  },
  marketingEmails: {
    path: '/api/ingest/marketing-emails',
    table: 'marketing_emails',
    make: (id) => ({ externalId: id, name: `Email ${id}`, status: 'draft' }),
    change: { status: 'scheduled', scheduledAt: '2026-12-01T08:00:00Z' },
    invalid: ['status', 'queued'],
  },
  enrollments: {
    path: '/api/ingest/enrollments',
    table: 'enrollments',
    make: (id) => enrollment(id),
    change: { status: 'unenrolled', unenrollReason: 'REPLIED', unenrolledAt: '2026-11-10T09:00:00Z', replied: true },
    invalid: ['emailError', 'OUT_OF_PAPER'],
    unknownRef: ['contact', 'c-unknown'],
  },
  emailEvents: {
    path: '/api/ingest/email-events',
    table: 'email_events',
    make: (id) => event(id),
    change: { delivered: false, bounce: 'hard' },
    invalid: ['provider', 'hotmail'],
    unknownRef: ['marketingEmail', 'm-unknown'],
  },
};

describe.each(Object.entries(KINDS))('ingest %s', (name, kind) => {
  const ids = [`${name}-a`, `${name}-b`, `${name}-c`];

  it('creates, then answers unchanged for the same batch, then updated for what changed', async () => {
    const first = await must(kind.path, { items: ids.map(kind.make) });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(first.items.map((i) => [i.externalId, i.result])).toEqual(ids.map((id) => [id, 'created']));
    expect(await count(kind.table, ids)).toBe(3);

    const again = await must(kind.path, { items: ids.map(kind.make) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));

    const changed = await must(kind.path, { items: ids.map((id, i) => (i === 1 ? { ...kind.make(id), ...kind.change } : kind.make(id))) });
    expect(changed.items.map((i) => i.result)).toEqual(['unchanged', 'updated', 'unchanged']);
    expect(changed.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(await count(kind.table, ids)).toBe(3);
  });

  it('refuses a batch with an invalid item, naming its index and field, and writes nothing', async () => {
    const fresh = [`${name}-x`, `${name}-y`, `${name}-z`];
    const [field, value] = kind.invalid;
    const items = fresh.map((id, i) => (i === 2 ? { ...kind.make(id), [field]: value } : kind.make(id)));
    const error = await refusal(await post(kind.path, { items }), 400);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.map((d) => d.path)).toEqual([`body.items.2.${field}`]);
    expect(await count(kind.table, fresh)).toBe(0);
  });

  it.runIf(kind.unknownRef)('refuses an unknown reference, naming it, and writes nothing', async () => {
    const [field, ref] = kind.unknownRef as [string, string];
    const fresh = [`${name}-r1`, `${name}-r2`];
    const items = fresh.map((id, i) => (i === 1 ? { ...kind.make(id), [field]: ref } : kind.make(id)));
    const error = await refusal(await post(kind.path, { items }), 400);
    expect(error.details).toEqual([{ path: `body.items.1.${field}`, message: expect.stringContaining(`"${ref}"`) }]);
    expect(await count(kind.table, fresh)).toBe(0);
  });

  it('replays the first answer for the same Idempotency-Key, and refuses the key for another batch', async () => {
    const fresh = [`${name}-k1`, `${name}-k2`];
    const key = `replay-${name}-0001`;
    const first = await must(kind.path, { items: fresh.map(kind.make) });
    void first;
    const body = { items: fresh.map((id) => ({ ...kind.make(id), ...kind.change })) };
    const res1 = await post(kind.path, body, { headers: { 'Idempotency-Key': key } });
    const answer1 = IngestResult.parse(await res1.json());
    expect(answer1.items.map((i) => i.result)).toEqual(['updated', 'updated']);
    const res2 = await post(kind.path, body, { headers: { 'Idempotency-Key': key } });
    expect(res2.headers.get('Idempotency-Replayed')).toBe('true');
    expect(IngestResult.parse(await res2.json())).toEqual(answer1);
    const other = await post(kind.path, { items: fresh.map(kind.make) }, { headers: { 'Idempotency-Key': key } });
    expect((await refusal(other, 422)).code).toBe('unprocessable');
  });
});

describe('ingest limits and keys', () => {
  it('refuses a key without the ingest scope (403), and takes one with both', async () => {
    const body = { items: [KINDS.companies!.make('scope-1')] };
    expect((await refusal(await post('/api/ingest/companies', body, { key: keys.activity }), 403)).code).toBe('forbidden');
    expect(await count('companies', ['scope-1'])).toBe(0);
    expect((await post('/api/ingest/companies', body, { key: keys.both })).status).toBe(200);
    // and an ingest-only key may not post activity
    const activity = await post('/api/activity', { type: 'reply', eventId: 'x-1', occurredAt: '2026-11-20T10:00:00Z', contact: { id: '1' } });
    expect(activity.status).toBe(403);
  });

  it('answers 413 to more than 1,000 items and to a body over the limit, writing nothing', async () => {
    const items = Array.from({ length: 1001 }, (_, i) => KINDS.companies!.make(`big-${i}`));
    const error = await refusal(await post('/api/ingest/companies', { items }), 413);
    expect(error.message).toMatch(/at most 1000/);
    expect(await count('companies', ['big-0'])).toBe(0);
    const huge = JSON.stringify({ items: [{ ...KINDS.companies!.make('huge'), name: 'x'.repeat(4_100_000) }] });
    expect((await refusal(await post('/api/ingest/companies', null, { raw: huge }), 413)).code).toBe('bad_request');
  });

  it('answers 429 with Retry-After past the per-key rate, counted in the database', async () => {
    // Two apps over one database stand for two instances: they share the count.
    const limit = { requests: 2, windowSeconds: 60 };
    const [one, two] = [createApp({ db: t.db, clock, ingestLimit: limit }), createApp({ db: t.db, clock, ingestLimit: limit })];
    const created = await t.app.request('/api/integration-keys', {
      method: 'POST',
      headers: { ...(await t.signIn('admin')), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'rate', scope: 'ingest' }),
    });
    const { key } = (await created.json()) as { key: string };
    const send = (app: typeof one) =>
      app.request('/api/ingest/companies', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: [KINDS.companies!.make('rate-1')] }),
      });
    expect((await send(one)).status).toBe(200);
    expect((await send(two)).status).toBe(200);
    const third = await send(one);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(ErrorBody.parse(await third.json()).error.code).toBe('rate_limited');
  });
});

describe('what the screens read follows', () => {
  it('links a person already here by email instead of adding them, and refuses an email someone else has', async () => {
    const [rep] = await t.db.query<{ id: number }>(`SELECT id FROM users WHERE email = 'rep@example.com'`);
    const linked = await must('/api/ingest/users', { items: [{ externalId: 'crm-rep', email: 'REP@example.com', name: 'Riley Rep', role: 'rep' }] });
    expect(linked.items[0]?.id).toBe(String(rep?.id));
    const taken = await post('/api/ingest/users', { items: [{ externalId: 'crm-other', email: 'rep@example.com', name: 'Someone', role: 'rep' }] });
    expect((await refusal(taken, 400)).details?.[0]?.path).toBe('body.items.0.email');
    // without a password, an ingested person cannot sign in
    const [hash] = await t.db.query<{ password_hash: string | null }>(`SELECT password_hash FROM users WHERE external_id = 'u-1'`);
    expect(hash?.password_hash).toBeNull();
  });

  it('never leaves the account without an active admin, and signs out whoever it makes inactive', async () => {
    const roleOf = async (email: string) =>
      (await t.db.query<{ role: string; active: boolean; external_id: string | null }>(`SELECT role, active, external_id FROM users WHERE email = $1`, [email]))[0];
    const admins = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND password_hash IS NOT NULL`);
    expect(admins[0]?.n).toBe(1);
    const demote = await post('/api/ingest/users', {
      items: [
        { externalId: 'crm-nobody', email: 'nobody@example.org', name: 'No Body', role: 'rep' },
        { externalId: 'crm-admin', email: 'admin@example.com', name: 'Ada Admin', role: 'rep' },
      ],
    });
    const refused = await refusal(demote, 400);
    expect(refused.message).toMatch(/last active admin/);
    expect(refused.details?.map((d) => d.path)).toEqual(['body.items.1.role']);
    const deactivate = await post('/api/ingest/users', { items: [{ externalId: 'crm-admin', email: 'admin@example.com', name: 'Ada Admin', role: 'admin', active: false }] });
    expect((await refusal(deactivate, 400)).details?.map((d) => d.path)).toEqual(['body.items.0.active']);
    // Nothing of either batch was written: not the link, not the other person.
    expect(await roleOf('admin@example.com')).toEqual({ role: 'admin', active: true, external_id: null });
    expect(await roleOf('nobody@example.org')).toBeUndefined();

    // A manager made inactive by the sending system is signed out at once; made active again,
    // they can sign in as before.
    // Signed in here rather than through t.signIn, whose remembered session this would end.
    const manager = (await signInAs(t.app, 'manager@example.com')).headers;
    expect((await t.app.request('/api/sequences', { headers: manager })).status).toBe(200);
    await must('/api/ingest/users', { items: [{ externalId: 'crm-manager', email: 'manager@example.com', name: 'Max Manager', role: 'manager', active: false }] });
    expect((await t.app.request('/api/sequences', { headers: manager })).status).toBe(401);
    const [sessions] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'manager@example.com'`,
    );
    expect(sessions?.n).toBe(0);
    await must('/api/ingest/users', { items: [{ externalId: 'crm-manager', email: 'manager@example.com', name: 'Max Manager', role: 'manager', active: true }] });
    const again = (await signInAs(t.app, 'manager@example.com')).headers;
    expect((await t.app.request('/api/sequences', { headers: again })).status).toBe(200);
  });

  it('keeps the sequences list and the summary figures in step with enrollments as they arrive and change', async () => {
    await must('/api/ingest/sequences', { items: [sequence('fig-s')] });
    await must('/api/ingest/contacts', { items: ['fig-c1', 'fig-c2', 'fig-c3'].map((id) => contact(id)) });
    const make = (id: string, c: string, extra: Record<string, unknown> = {}) => enrollment(id, { sequence: 'fig-s', contact: c, ...extra });
    await must('/api/ingest/enrollments', {
      items: [make('fig-e1', 'fig-c1'), make('fig-e2', 'fig-c2', { emailError: 'SEND_LIMIT_REACHED' }), make('fig-e3', 'fig-c3', { status: 'paused' })],
    });
    const admin = await t.signIn('admin');
    const list = async () =>
      SequenceList.parse(await (await t.app.request('/api/sequences', { headers: admin })).json()).items.find((s) => s.name === 'Ingested fig-s');
    expect(await list()).toMatchObject({ steps: 2, activeEnrollments: 2, errorCount: 1 });

    await must('/api/ingest/enrollments', {
      items: [make('fig-e1', 'fig-c1', { status: 'unenrolled', unenrollReason: 'REPLIED', replied: true, emailsSent: 1 }), make('fig-e2', 'fig-c2')],
    });
    const after = await list();
    expect(after).toMatchObject({ activeEnrollments: 1, errorCount: 0 });
    const detail = SequenceDetail.parse(await (await t.app.request(`/api/sequences/${after?.id}`, { headers: admin })).json());
    expect(detail.figures).toMatchObject({ enrolled: 3, active: 1, paused: 1, unenrolled: 1, withErrors: 0, replyRate: 1 });

    // A contact renamed later is renamed on its enrollments too (the Enrollments tab's search).
    await must('/api/ingest/contacts', { items: [contact('fig-c1', { firstName: 'Renamed' })] });
    const [row] = await t.db.query<{ contact_name: string }>(`SELECT contact_name FROM enrollments WHERE external_id = 'fig-e1'`);
    expect(row?.contact_name).toBe('Renamed fig-c1');
  });

  it('keeps the email health rollups right when events arrive, repeat and change', async () => {
    const day = async () =>
      (await t.db.query<{ sent: number; delivered: number; hard: number }>(
        `SELECT sent, delivered, hard_bounces AS hard FROM email_daily WHERE day = '2026-11-19' AND kind = 'marketing' AND provider = 'yahoo'`,
      ))[0] ?? { sent: 0, delivered: 0, hard: 0 };
    const before = await day();
    const items = ['h-1', 'h-2', 'h-3'].map((id) => event(id, { occurredAt: '2026-11-19T08:00:00Z', provider: 'yahoo' }));
    await must('/api/ingest/email-events', { items });
    expect(await day()).toEqual({ sent: before.sent + 3, delivered: before.delivered + 3, hard: before.hard });
    await must('/api/ingest/email-events', { items });
    expect(await day()).toEqual({ sent: before.sent + 3, delivered: before.delivered + 3, hard: before.hard });
    await must('/api/ingest/email-events', { items: [{ ...items[0], delivered: false, bounce: 'hard' }] });
    expect(await day()).toEqual({ sent: before.sent + 3, delivered: before.delivered + 2, hard: before.hard + 1 });
    // A not-sent event needs its reason.
    const error = await refusal(await post('/api/ingest/email-events', { items: [event('h-4', { sent: false, delivered: false })] }), 400);
    expect(error.details?.[0]?.path).toBe('body.items.0.notSentReason');
  });

  it('leaves the activity feed applying the unenroll rules to what was ingested', async () => {
    await must('/api/ingest/contacts', { items: [contact('act-c')] });
    await must('/api/ingest/enrollments', { items: [enrollment('act-e', { contact: 'act-c' })] });
    const reply = await post(
      '/api/activity',
      { type: 'reply', eventId: 'act-reply-1', occurredAt: '2026-11-20T10:00:00Z', contact: { email: 'act-c@acme.test' } },
      { key: keys.both },
    );
    expect(reply.status).toBe(200);
    const [row] = await t.db.query<{ status: string; unenroll_reason: string }>(
      `SELECT status, unenroll_reason FROM enrollments WHERE external_id = 'act-e'`,
    );
    expect(row).toEqual({ status: 'unenrolled', unenroll_reason: 'REPLIED' });
  });

  it('sets the account and refuses to judge the probation in the future', async () => {
    const set = (body: unknown) => post('/api/ingest/account', body);
    const first = IngestAccountResult.parse(await (await set({ name: 'Acme Sales', plan: 'professional', industry: 'software' })).json());
    expect(first.result).toBe('updated');
    const again = IngestAccountResult.parse(await (await set({ name: 'Acme Sales', plan: 'professional', industry: 'software' })).json());
    expect(again.result).toBe('unchanged');
    const future = await set({ name: 'Acme Sales', plan: 'professional', industry: 'software', assessProbationAt: '2099-01-01T00:00:00Z' });
    expect((await refusal(future, 400)).details?.[0]?.path).toBe('body.assessProbationAt');
  });

  it("sets the account's time zone by its IANA name, which the send forecast counts days in; UTC when left out", async () => {
    const account = { name: 'Acme Sales', plan: 'professional', industry: 'software' };
    const set = async (body: unknown) => IngestAccountResult.parse(await (await post('/api/ingest/account', body)).json()).result;
    const admin = await t.signIn('admin');
    const forecastZone = async () =>
      ((await (await t.app.request('/api/send-forecast', { headers: admin })).json()) as { timeZone: string }).timeZone;

    expect(await set({ ...account, timeZone: 'America/New_York' })).toBe('updated');
    expect(await forecastZone()).toBe('America/New_York');
    expect(await set({ ...account, timeZone: 'America/New_York' })).toBe('unchanged');
    // Stored as JavaScript names it, so another spelling of the same zone changes nothing.
    expect(await set({ ...account, timeZone: 'america/new_york' })).toBe('unchanged');
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', '']) {
      expect((await refusal(await post('/api/ingest/account', { ...account, timeZone }), 400)).details?.[0]?.path).toBe('body.timeZone');
    }
    // A full row: left out, the time zone is the default again.
    expect(await set(account)).toBe('updated');
    expect(await forecastZone()).toBe('UTC');
  });
});

// The same SQL on a real PostgreSQL (15 on the servers; PGlite is 18): created, unchanged and
// updated told apart, references resolved, figures kept.
describe.runIf(process.env.TEST_DATABASE_URL)('ingest on PostgreSQL', () => {
  it('upserts every kind and tells created, unchanged and updated apart', async () => {
    const schema = postgresTestSchema(process.env.TEST_DATABASE_URL as string, 'ingest');
    const db = await schema.open();
    try {
      await migrate(db);
      const admin = await insertUser(db, { email: 'pg-admin@example.com', name: 'PG Admin', role: 'admin', passwordHash: 'x' });
      const { key } = await createIntegrationKey(db, { name: 'pg', scope: 'ingest' }, admin.id, clock.now());
      const app = createApp({ db, clock });
      const send = async (path: string, body: unknown) => {
        const res = await app.request(path, {
          method: 'POST',
          headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        expect(res.status, text).toBe(200);
        return JSON.parse(text) as { created?: number; updated?: number; unchanged?: number; result?: string };
      };
      const steps: Array<[string, unknown]> = [
        ['/api/ingest/account', { name: 'PG', plan: 'starter', industry: 'software' }],
        ['/api/ingest/users', { items: [{ externalId: 'u-1', email: 'u1@acme.test', name: 'U One', role: 'rep' }] }],
        ['/api/ingest/companies', { items: [{ externalId: 'co-1', name: 'Acme', domain: 'acme.test' }] }],
        ['/api/ingest/inboxes', { items: [{ externalId: 'i-1', owner: 'u-1', address: 'u1@acme.test', provider: 'gmail', dailyLimit: 350 }] }],
        ['/api/ingest/contacts', { items: [contact('c-1')] }],
        ['/api/ingest/sequences', { items: [sequence('s-1')] }],
        ['/api/ingest/marketing-emails', { items: [{ externalId: 'm-1', name: 'News', status: 'sent', sentCount: 1 }] }],
        ['/api/ingest/enrollments', { items: [enrollment('e-1', { emailError: 'SEND_FAILURE' })] }],
        ['/api/ingest/email-events', { items: [event('ev-1')] }],
      ];
      for (const [path, body] of steps) {
        const first = await send(path, body);
        expect(first.created ?? (first.result === 'created' ? 1 : 0), path).toBe(1);
        const again = await send(path, body);
        expect(again.unchanged ?? (again.result === 'unchanged' ? 1 : 0), path).toBe(1);
      }
      const updated = await send('/api/ingest/enrollments', { items: [enrollment('e-1', { status: 'paused' })] });
      expect(updated.updated).toBe(1);
      const [figures] = await db.query<{ paused: number; with_errors: number }>('SELECT paused, with_errors FROM sequence_figures');
      expect(figures).toEqual({ paused: 1, with_errors: 0 });
      const [daily] = await db.query<{ sent: number }>(`SELECT sent FROM email_daily WHERE kind = 'marketing'`);
      expect(daily?.sent).toBe(1);
    } finally {
      await db.close();
      await schema.cleanup();
    }
  });
});
