import type { Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { AppDeps } from '../deps';
import { migrate } from '../store/migrate';
import { postgresTestSchema } from '../store/test-db';
import { signInAs, testClient, type TestClient } from '../test-utils';
import { DEMO_PASSWORD } from '../store/seed/demo-users';

let t: TestClient;
beforeAll(async () => {
  t = await testClient({ signInLimit: { maxFailures: 3, windowSeconds: 60 } });
});
afterAll(() => t.close());

const signIn = (email: string, password: string, extra: Record<string, string> = {}) =>
  t.app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', ...extra },
    body: JSON.stringify({ email, password }),
  });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const res = await signIn('Manager@Example.com', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sd_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await res.json()) as { user: { role: string; email: string }; csrfToken: string };
    expect(body.user).toMatchObject({ role: 'manager', email: 'manager@example.com' });
    expect(body.csrfToken.length).toBeGreaterThan(16);

    const session = await t.app.request('/api/session', { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(((await session.json()) as { user: { role: string } }).user.role).toBe('manager');
  });

  it('stores only a hash of the session token', async () => {
    const res = await signIn('rep@example.com', DEMO_PASSWORD);
    const token = (res.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1];
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('refuses a wrong password with 401 and a clear error', async () => {
    const res = await signIn('admin@example.com', 'wrong-password');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
  });

  it('refuses an unknown email exactly like a wrong password', async () => {
    const res = await signIn('nobody@example.com', 'whatever');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
  });

  it('rate-limits repeated failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('marketer@example.com', 'nope')).status).toBe(401);
    const blocked = await signIn('marketer@example.com', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
  });

  it('lets the window pass and then signs in again', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const local = await testClient({
      signInLimit: { maxFailures: 2, windowSeconds: 60 },
      clock: { now: () => now },
    });
    const req = (password: string) =>
      local.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
        body: JSON.stringify({ email: 'rep@example.com', password }),
      });
    await req('bad');
    await req('bad');
    expect((await req(DEMO_PASSWORD)).status).toBe(429);
    now = new Date(now.getTime() + 61_000);
    expect((await req(DEMO_PASSWORD)).status).toBe(200);
    await local.close();
  });

  it('forgets the failures of an account once its owner signs in', async () => {
    const local = await testClient({ signInLimit: { maxFailures: 2, windowSeconds: 60 } });
    const req = (password: string) =>
      local.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
        body: JSON.stringify({ email: 'rep@example.com', password }),
      });
    expect((await req('bad')).status).toBe(401);
    expect((await req(DEMO_PASSWORD)).status).toBe(200);
    expect((await req('bad')).status).toBe(401);
    expect((await req('bad')).status).toBe(401);
    expect((await req(DEMO_PASSWORD)).status).toBe(429);
    await local.close();
  });

  it('requires the CSRF header even to sign in', async () => {
    const res = await t.app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'rep@example.com', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(403);
  });
});

describe('sign-out', () => {
  it('ends the session on the server', async () => {
    const { headers } = await signInAs(t.app, 'admin@example.com');
    const cookie = headers.Cookie;
    const out = await t.app.request('/api/session', { method: 'DELETE', headers });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/sd_session=;/);
    const after = await t.app.request('/api/sequences', { headers: { Cookie: cookie } });
    expect(after.status).toBe(401);
  });
});

describe('demo session carrier', () => {
  it('is ignored unless the app runs in demo mode', async () => {
    const res = await signIn('rep@example.com', DEMO_PASSWORD);
    expect(res.headers.get('X-Demo-Session')).toBeNull();
    const token = (res.headers.get('set-cookie') ?? '').split(';')[0]?.split('=')[1] ?? '';
    const viaHeader = await t.app.request('/api/sequences', { headers: { 'X-Demo-Session': token } });
    expect(viaHeader.status).toBe(401);
  });

  it('decides who you are with the same session code in demo mode', async () => {
    const demo = await testClient({ acceptSessionHeader: true });
    const res = await demo.app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
      body: JSON.stringify({ email: 'rep@example.com', password: DEMO_PASSWORD }),
    });
    const token = res.headers.get('X-Demo-Session') ?? '';
    expect(token.length).toBeGreaterThan(40);
    const me = await demo.app.request('/api/session', { headers: { 'X-Demo-Session': token } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('rep@example.com');
    await demo.close();
  });
});

describe('throttling by account and address', () => {
  // The Node server names the caller's address from its socket; here a header stands in for it.
  const CLIENT = 'X-Test-Client';
  const fromAddress = (c: Context) => c.req.header(CLIENT) ?? null;

  async function client(now: () => Date, deps: Partial<AppDeps> = {}) {
    const local = await testClient({ clientAddress: fromAddress, clock: { now }, ...deps });
    const attempt = (address: string, email: string, password: string) =>
      local.app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', [CLIENT]: address },
        body: JSON.stringify({ email, password }),
      });
    return { local, attempt };
  }

  async function refusal(res: Response) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    return { status: res.status, retryAfter: Number(res.headers.get('Retry-After')), code: body.error.code };
  }

  it('a thousand failures against one email from one address do not lock its owner out elsewhere', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now, { signInLimit: { maxFailures: 3, windowSeconds: 900 } });
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const { status } = await attempt('203.0.113.7', 'manager@example.com', `guess-${i}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 3, 429: 997 });

    // The attacker's address is refused even with the right password…
    const blocked = await refusal(await attempt('203.0.113.7', 'manager@example.com', DEMO_PASSWORD));
    expect(blocked).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(blocked.retryAfter).toBe(900);
    // …while the owner, elsewhere, signs in.
    const owner = await attempt('198.51.100.20', 'manager@example.com', DEMO_PASSWORD);
    expect(owner.status).toBe(200);
    expect(((await owner.json()) as { user: { email: string } }).user.email).toBe('manager@example.com');
    await local.close();
  });

  it('slows one address trying many emails, then refuses it until the window ends', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
    const { local, attempt } = await client(() => now, {
      addressLimit: { slowAfter: 3, maxDelaySeconds: 4, maxFailures: 6, windowSeconds: 60 },
    });
    const guess = (i: number) => attempt('203.0.113.9', `someone-${i}@example.com`, 'password1');

    for (let i = 0; i < 3; i++) expect((await guess(i)).status).toBe(401);
    // Slowed: each further try waits 1 s, then 2 s, then 4 s (the longest wait).
    for (const wait of [1, 2, 4]) {
      expect(await refusal(await guess(10 + wait))).toEqual({ status: 429, retryAfter: wait, code: 'rate_limited' });
      later(wait - 1);
      expect((await guess(20 + wait)).status, 'a second before the wait ends').toBe(429);
      later(1);
      expect((await guess(30 + wait)).status).toBe(401);
    }
    // Six failures, 7 s into the window: refused for the remaining 53 s, right password or not.
    expect(await refusal(await guess(40))).toEqual({ status: 429, retryAfter: 53, code: 'rate_limited' });
    later(30);
    expect(await refusal(await attempt('203.0.113.9', 'rep@example.com', DEMO_PASSWORD))).toEqual({
      status: 429,
      retryAfter: 23,
      code: 'rate_limited',
    });
    // Another address is not affected; and once the window has passed, this one may try again.
    expect((await attempt('203.0.113.10', 'rep@example.com', DEMO_PASSWORD)).status).toBe(200);
    later(23);
    expect((await attempt('203.0.113.9', 'rep@example.com', DEMO_PASSWORD)).status).toBe(200);
    await local.close();
  });

  it('does not let an address buy more guesses by signing in to its own account', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now, {
      addressLimit: { slowAfter: 2, maxDelaySeconds: 60, maxFailures: 10, windowSeconds: 600 },
    });
    expect((await attempt('203.0.113.9', 'someone-1@example.com', 'password1')).status).toBe(401);
    expect((await attempt('203.0.113.9', 'someone-2@example.com', 'password1')).status).toBe(401);
    now = new Date(now.getTime() + 1000);
    expect((await attempt('203.0.113.9', 'rep@example.com', DEMO_PASSWORD)).status).toBe(200);
    expect((await attempt('203.0.113.9', 'someone-3@example.com', 'password1')).status).toBe(401);
    expect(await refusal(await attempt('203.0.113.9', 'someone-4@example.com', 'password1'))).toEqual({
      status: 429,
      retryAfter: 2,
      code: 'rate_limited',
    });
    await local.close();
  });

  it('lets no more concurrent guesses through than the limits allow', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now, {
      signInLimit: { maxFailures: 3, windowSeconds: 900 },
      addressLimit: { slowAfter: 5, maxDelaySeconds: 30, maxFailures: 30, windowSeconds: 900 },
    });
    // Fifty guesses at once at one account: each is checked and counted before the next.
    const one = await Promise.all(
      Array.from({ length: 50 }, (_, i) => Promise.resolve(attempt('203.0.113.7', 'manager@example.com', `guess-${i}`)).then((r) => r.status)),
    );
    expect(one.filter((s) => s === 401)).toHaveLength(3);
    expect(one.filter((s) => s === 429)).toHaveLength(47);
    // Fifty at once at fifty accounts: the address gets its five quick ones (two were spent
    // above), then must wait.
    const many = await Promise.all(
      Array.from({ length: 50 }, (_, i) => Promise.resolve(attempt('203.0.113.7', `someone-${i}@example.com`, 'password1')).then((r) => r.status)),
    );
    expect(many.filter((s) => s === 401)).toHaveLength(2);
    expect(many.filter((s) => s === 429)).toHaveLength(48);
    await local.close();
  });

  it('leaves no counter behind for a client that only ever signs in', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now);
    expect((await attempt('198.51.100.30', 'rep@example.com', DEMO_PASSWORD)).status).toBe(200);
    const rows = await local.db.query("SELECT key FROM sign_in_attempts WHERE key LIKE '%198.51.100.30%'");
    expect(rows).toEqual([]);
    await local.close();
  });

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now, {
      addressLimit: { slowAfter: 2, maxDelaySeconds: 60, maxFailures: 10, windowSeconds: 60 },
    });
    expect((await attempt('2001:db8:1:2::1', 'a@example.com', 'password1')).status).toBe(401);
    expect((await attempt('2001:db8:1:2:ffff::9', 'b@example.com', 'password1')).status).toBe(401);
    expect((await attempt('2001:db8:1:2:abcd:1:2:3', 'c@example.com', 'password1')).status).toBe(429);
    expect((await attempt('2001:db8:1:3::1', 'c@example.com', 'password1')).status).toBe(401);
    await local.close();
  });

  it('keeps the counters in the database, where every instance of the server reads them', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const { local, attempt } = await client(() => now, { signInLimit: { maxFailures: 2, windowSeconds: 60 } });
    await attempt('203.0.113.7', 'admin@example.com', 'bad');
    await attempt('203.0.113.7', 'admin@example.com', 'bad');
    // A second app over the same database: another instance behind the load balancer.
    const other = createApp({ db: local.db, clientAddress: fromAddress, clock: { now: () => now }, signInLimit: { maxFailures: 2, windowSeconds: 60 } });
    const res = await other.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', [CLIENT]: '203.0.113.7' },
      body: JSON.stringify({ email: 'admin@example.com', password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(429);
    await local.close();
  });
});

// On a real PostgreSQL the pool runs the attempts truly side by side: the row locks must hold.
describe.runIf(!!process.env.TEST_DATABASE_URL)('throttling on PostgreSQL', () => {
  it('lets no more concurrent guesses through than the limit, across pooled connections', async () => {
    const pg = postgresTestSchema(process.env.TEST_DATABASE_URL ?? '', 'throttle');
    const db = await pg.open();
    try {
      await migrate(db);
      const app = createApp({
        db,
        clientAddress: () => '203.0.113.7',
        signInLimit: { maxFailures: 3, windowSeconds: 900 },
      });
      const statuses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          Promise.resolve(
            app.request('/api/session', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
              body: JSON.stringify({ email: 'nobody@example.com', password: `guess-${i}` }),
            }),
          ).then((r) => r.status),
        ),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(37);
    } finally {
      await db.close();
      await pg.cleanup();
    }
  });
});
