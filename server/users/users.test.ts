import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../src/contract/auth';
import { ErrorBody } from '../../src/contract/errors';
import type { Invite, ManagedUser, UserList } from '../../src/contract/users';
import { signInAs, testClient, type TestClient } from '../test-utils';

let t: TestClient;
let now = new Date('2026-03-02T09:00:00Z');
beforeAll(async () => {
  t = await testClient({
    clock: { now: () => now },
    userLimits: {
      invites: { max: 3, windowSeconds: 3600 },
      acceptInvite: { max: 4, windowSeconds: 900 },
      acceptInvitePerAddress: { max: 30, windowSeconds: 900 },
    },
  });
});
afterAll(() => t.close());

const json = { 'Content-Type': 'application/json' };
const PASSWORD = 'a long enough password';

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return t.app.request(path, {
    method: init.method ?? 'GET',
    headers: { ...json, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function errorOf(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

async function invite(body: { email: string; name: string; role: string }): Promise<Invite> {
  const res = await call('/api/users', { method: 'POST', headers: await t.signIn('admin'), body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Invite;
}

const accept = (token: string, password = PASSWORD) =>
  call('/api/invites/accept', { method: 'POST', headers: { 'X-CSRF-Token': 'sign-in' }, body: { token, password } });

async function users(): Promise<UserList> {
  const res = await call('/api/users', { headers: await t.signIn('admin') });
  expect(res.status).toBe(200);
  return (await res.json()) as UserList;
}

const byEmail = async (email: string): Promise<ManagedUser | undefined> =>
  (await users()).items.find((u) => u.email === email);

async function auditActions(subject: string): Promise<string[]> {
  const rows = await t.db.query<{ action: string }>('SELECT action FROM audit_log WHERE subject = $1 ORDER BY id', [subject]);
  return rows.map((r) => r.action);
}

describe('the user list', () => {
  it('lists everyone with role and state, the demo users active and signed in', async () => {
    const { items, activeAdmins } = await users();
    expect(activeAdmins).toBe(1);
    const admin = items.find((u) => u.email === 'admin@example.com');
    expect(admin).toMatchObject({ role: 'admin', state: 'active', fromIntegration: false });
    // The admin signed in to ask: sign-in notes the time.
    expect(admin?.lastSignInAt).toBe(now.toISOString());
    expect(items.find((u) => u.name === 'Kevin Doyle')?.state).toBe('deactivated');
  });
});

describe('inviting', () => {
  it('creates a person without a password, with a one-time link that signs them in once', async () => {
    const created = await invite({ email: 'New.Person@example.com', name: 'New Person', role: 'manager' });
    expect(created.user).toMatchObject({ email: 'New.Person@example.com', name: 'New Person', role: 'manager', state: 'invited' });
    expect(created.expiresAt).toBe(new Date(now.getTime() + 7 * 24 * 3600 * 1000).toISOString());
    expect(created.token.length).toBeGreaterThanOrEqual(40);

    // Only a hash of the token is kept.
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM user_invites WHERE user_id = $1', [
      Number(created.user.id),
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(created.token);

    // Cannot sign in before setting a password.
    const before = await call('/api/session', {
      method: 'POST',
      headers: { 'X-CSRF-Token': 'sign-in' },
      body: { email: 'new.person@example.com', password: PASSWORD },
    });
    expect(before.status).toBe(401);

    const res = await accept(created.token);
    expect(res.status).toBe(200);
    const session = (await res.json()) as SessionResponse;
    expect(session.user).toMatchObject({ email: 'New.Person@example.com', role: 'manager' });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^sd_session=/);
    const me = (await (await t.app.request('/api/session', { headers: { Cookie: cookie } })).json()) as SessionResponse;
    expect(me.user?.email).toBe('New.Person@example.com');

    // Now active, and able to sign in with the password set.
    expect((await byEmail('New.Person@example.com'))?.state).toBe('active');
    await signInAs(t.app, 'new.person@example.com', PASSWORD);

    // The link works once.
    const again = await accept(created.token, 'another long password');
    expect(again.status).toBe(404);
    expect((await errorOf(again)).message).toMatch(/expired|used/);

    expect(await auditActions(`user:${created.user.id}`)).toEqual(['user.invite', 'user.invite-accepted']);
  });

  it('refuses an expired link, and a new invite replaces the old link', async () => {
    // Invited eight days ago: the link ran out yesterday.
    const today = now;
    now = new Date(today.getTime() - 8 * 24 * 3600 * 1000);
    const first = await invite({ email: 'late@example.com', name: 'Late Comer', role: 'rep' });
    now = today;
    expect((await byEmail('late@example.com'))?.state).toBe('invite-expired');
    const expired = await accept(first.token);
    expect(expired.status).toBe(404);

    const second = await invite({ email: 'late@example.com', name: 'Late Comer', role: 'marketer' });
    expect(second.token).not.toBe(first.token);
    expect(second.user).toMatchObject({ id: first.user.id, role: 'marketer', state: 'invited' });
    const third = await call(`/api/users/${first.user.id}/invite`, { method: 'POST', headers: await t.signIn('admin') });
    expect(third.status).toBe(201);
    const { token } = (await third.json()) as Invite;
    expect((await accept(second.token)).status).toBe(404);
    expect((await accept(token)).status).toBe(200);
  });

  it('refuses to invite someone who can already sign in, or was deactivated', async () => {
    const admin = await t.signIn('admin');
    const res = await call('/api/users', { method: 'POST', headers: admin, body: { email: 'REP@example.com', name: 'X', role: 'rep' } });
    expect(res.status).toBe(409);
    const { items } = await users();
    const gone = items.find((u) => u.state === 'deactivated')!;
    const again = await call(`/api/users/${gone.id}/invite`, { method: 'POST', headers: admin });
    expect(again.status).toBe(409);
    expect((await call('/api/users/999999/invite', { method: 'POST', headers: admin })).status).toBe(404);
  });

  it('invites a person the ingest API brought in, from their row', async () => {
    const [row] = await t.db.query<{ id: number }>(
      `INSERT INTO users (email, name, role, password_hash, external_id, team_id)
       VALUES ('synced@example.com', 'Synced Person', 'rep', NULL, 'crm-42', (SELECT min(id) FROM teams)) RETURNING id`,
    );
    const listed = await byEmail('synced@example.com');
    expect(listed).toMatchObject({ state: 'not-invited', fromIntegration: true, lastSignInAt: null });
    const res = await call(`/api/users/${row!.id}/invite`, { method: 'POST', headers: await t.signIn('admin') });
    expect(res.status).toBe(201);
    expect(((await res.json()) as Invite).user.state).toBe('invited');
  });

  it('validates the invite and the password with field details', async () => {
    const admin = await t.signIn('admin');
    const bad = await call('/api/users', { method: 'POST', headers: admin, body: { email: 'not-an-email', name: ' ', role: 'boss' } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.map((d) => d.path).sort()).toEqual(['body.email', 'body.name', 'body.role']);
    const { token } = await invite({ email: 'short@example.com', name: 'Short Password', role: 'rep' });
    const short = await accept(token, 'too short');
    expect(short.status).toBe(400);
    expect((await errorOf(short)).details?.[0]?.path).toBe('body.password');
    // Nothing was used up by the refusal.
    expect((await accept(token)).status).toBe(200);
  });

  it('rate-limits invites per address and attempts per token with 429', async () => {
    for (let i = 0; i < 3; i++) await invite({ email: 'busy@example.com', name: 'Busy', role: 'rep' });
    const blocked = await call('/api/users', {
      method: 'POST',
      headers: await t.signIn('admin'),
      body: { email: 'BUSY@example.com', name: 'Busy', role: 'rep' },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);

    const guess = 'x'.repeat(43);
    for (let i = 0; i < 4; i++) expect((await accept(guess)).status).toBe(404);
    const tooMany = await accept(guess);
    expect(tooMany.status).toBe(429);
    expect((await errorOf(tooMany)).code).toBe('rate_limited');
  });

  it('limits attempts from one client address whatever the token', async () => {
    const local = await testClient({
      clientAddress: () => '203.0.113.7',
      userLimits: {
        invites: { max: 5, windowSeconds: 3600 },
        acceptInvite: { max: 10, windowSeconds: 900 },
        acceptInvitePerAddress: { max: 3, windowSeconds: 900 },
      },
    });
    const tryToken = (token: string) =>
      local.app.request('/api/invites/accept', {
        method: 'POST',
        headers: { ...json, 'X-CSRF-Token': 'sign-in' },
        body: JSON.stringify({ token, password: PASSWORD }),
      });
    for (const guess of ['a', 'b', 'c']) expect((await tryToken(guess.repeat(43))).status).toBe(404);
    expect((await tryToken('d'.repeat(43))).status).toBe(429);
    await local.close();
  });

  it('is for admins only', async () => {
    for (const role of ['rep', 'manager', 'marketer'] as const) {
      const headers = await t.signIn(role);
      expect((await call('/api/users', { headers })).status).toBe(403);
      expect(
        (await call('/api/users', { method: 'POST', headers, body: { email: 'a@example.com', name: 'A', role: 'admin' } })).status,
      ).toBe(403);
    }
    expect(await byEmail('a@example.com')).toBeUndefined();
  });
});

describe('roles and deactivation', () => {
  it('changes a role, with an audit entry', async () => {
    const rep = (await byEmail('rep@example.com'))!;
    const res = await call(`/api/users/${rep.id}`, { method: 'PATCH', headers: await t.signIn('admin'), body: { role: 'manager' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ManagedUser).role).toBe('manager');
    // The role holds from the next request of a session already open.
    const me = (await (await call('/api/session', { headers: await t.signIn('rep') })).json()) as SessionResponse;
    expect(me.user?.role).toBe('manager');
    await call(`/api/users/${rep.id}`, { method: 'PATCH', headers: await t.signIn('admin'), body: { role: 'rep' } });
    expect(await auditActions(`user:${rep.id}`)).toEqual(['user.role', 'user.role']);
  });

  it('keeps the last active admin: no demotion, no deactivation (409)', async () => {
    const admin = (await byEmail('admin@example.com'))!;
    const headers = await t.signIn('admin');
    const demote = await call(`/api/users/${admin.id}`, { method: 'PATCH', headers, body: { role: 'rep' } });
    expect(demote.status).toBe(409);
    expect((await errorOf(demote)).message).toMatch(/last active admin/);
    const deactivate = await call(`/api/users/${admin.id}/deactivate`, { method: 'POST', headers });
    expect(deactivate.status).toBe(409);
    expect((await byEmail('admin@example.com'))).toMatchObject({ role: 'admin', state: 'active' });
  });

  it('deactivating ends the sessions at once, refuses sign-in and the old invite', async () => {
    const marketer = (await byEmail('marketer@example.com'))!;
    const { headers } = await signInAs(t.app, 'marketer@example.com');
    expect((await call('/api/email-health', { headers })).status).toBe(200);

    const res = await call(`/api/users/${marketer.id}/deactivate`, { method: 'POST', headers: await t.signIn('admin') });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ManagedUser).state).toBe('deactivated');
    const sessions = await t.db.query('SELECT 1 FROM sessions WHERE user_id = $1', [Number(marketer.id)]);
    expect(sessions).toHaveLength(0);
    expect((await call('/api/email-health', { headers })).status).toBe(401);
    const signIn = await call('/api/session', {
      method: 'POST',
      headers: { 'X-CSRF-Token': 'sign-in' },
      body: { email: 'marketer@example.com', password: 'demo-password' },
    });
    expect(signIn.status).toBe(401);

    // An invited person deactivated before using the link cannot use it.
    const pending = await invite({ email: 'never@example.com', name: 'Never Mind', role: 'rep' });
    await call(`/api/users/${pending.user.id}/deactivate`, { method: 'POST', headers: await t.signIn('admin') });
    expect((await accept(pending.token)).status).toBe(404);
    expect(await auditActions(`user:${marketer.id}`)).toContain('user.deactivate');
  });

  it('lets an admin be demoted once there is another active admin', async () => {
    const { token, user } = await invite({ email: 'second.admin@example.com', name: 'Second Admin', role: 'admin' });
    // Invited, not yet active: the first admin is still the last active one.
    expect((await users()).activeAdmins).toBe(1);
    await accept(token);
    expect((await users()).activeAdmins).toBe(2);
    const res = await call(`/api/users/${user.id}`, { method: 'PATCH', headers: await t.signIn('admin'), body: { role: 'rep' } });
    expect(res.status).toBe(200);
    expect((await users()).activeAdmins).toBe(1);
  });

  it('answers 404 for an unknown person', async () => {
    const headers = await t.signIn('admin');
    expect((await call('/api/users/999999', { method: 'PATCH', headers, body: { role: 'rep' } })).status).toBe(404);
    expect((await call('/api/users/999999/deactivate', { method: 'POST', headers })).status).toBe(404);
  });
});
