import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
