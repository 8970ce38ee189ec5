import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { createLogger, type LogFormat } from './log';
import { nodePasswords } from './node-passwords';
import type { Db } from './store/db';
import { DEMO_PASSWORD } from './store/seed/demo-users';
import { openSeededDb } from './store/test-db';

// The request log as the Node server writes it (server/log.ts, pino), over the API on a copy of
// the demo database: a line per request with its route pattern and who asked, a failure once
// with its stack under the request's id, and no secret anywhere — driven with every kind of
// secret a request carries.

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

interface Run {
  lines: string[];
  secrets: Record<string, string>;
  failedRequestId: string;
  adminId: number;
  keyId: string;
}

async function driveTheApi(format: LogFormat): Promise<Run> {
  db = await openSeededDb();
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', format, destination: { write: (line) => lines.push(line) } });
  const app = createApp({ db, version: 'test', passwords: nodePasswords, logger });
  const json = { 'Content-Type': 'application/json' };

  // A failed sign-in: the attempted password is a secret too.
  const wrongPassword = 'not-the-password-Zq81x';
  const refused = await app.request('/api/session', {
    method: 'POST',
    headers: { ...json, 'X-CSRF-Token': 'sign-in' },
    body: JSON.stringify({ email: 'admin@example.com', password: wrongPassword }),
  });
  expect(refused.status).toBe(401);

  const signedIn = await app.request('/api/session', {
    method: 'POST',
    headers: { ...json, 'X-CSRF-Token': 'sign-in' },
    body: JSON.stringify({ email: 'admin@example.com', password: DEMO_PASSWORD }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sessionToken = cookie.slice(cookie.indexOf('=') + 1);
  const { csrfToken, user } = (await signedIn.json()) as { csrfToken: string; user: { id: string } };
  expect(sessionToken.length).toBeGreaterThan(20);

  // Authenticated, with the cookie and the CSRF header: creates an integration key (its secret
  // is in the answer).
  const created = await app.request('/api/integration-keys', {
    method: 'POST',
    headers: { ...json, Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ name: 'Mail sync' }),
  });
  expect(created.status).toBe(201);
  const { key, id: keyId } = (await created.json()) as { key: string; id: string };

  // With the integration key.
  const activity = await app.request('/api/activity', {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${key}` },
    body: JSON.stringify({ type: 'reply', eventId: 'log-test-1', occurredAt: new Date().toISOString(), contact: { email: 'nobody@example.com' } }),
  });
  expect(activity.status).toBeLessThan(500);

  // A request that fails on our side (a table gone), carrying every credential at once.
  await db.exec('ALTER TABLE sequences RENAME TO sequences_moved_away');
  const failed = await app.request('/api/sequences?q=secret-search-term', {
    headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, Authorization: `Bearer ${key}` },
  });
  expect(failed.status).toBe(500);
  const failedRequestId = failed.headers.get('X-Request-Id') ?? '';
  expect(failedRequestId).not.toBe('');

  return {
    lines,
    secrets: { password: DEMO_PASSWORD, wrongPassword, sessionToken, cookie, csrfToken, integrationKey: key, searchTerm: 'secret-search-term' },
    failedRequestId,
    adminId: Number(user.id),
    keyId,
  };
}

function expectNoSecrets(run: Run) {
  expect(run.lines.length).toBeGreaterThan(5);
  const all = run.lines.join('');
  for (const [name, value] of Object.entries(run.secrets)) {
    expect(all.includes(value), `${name} appears in the log`).toBe(false);
  }
  expect(all).not.toMatch(/Bearer\s/);
}

describe('request log, JSON (production)', () => {
  it('writes one line per request with id, method, route pattern, status, duration and user; no secret', async () => {
    const run = await driveTheApi('json');
    expectNoSecrets(run);
    const entries = run.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.map((e) => `${e.method} ${e.route} ${e.status}`)).toEqual([
      'POST /api/session 401',
      'POST /api/session 200',
      'POST /api/integration-keys 201',
      'POST /api/activity ' + String(requests[3]?.status),
      'GET /api/sequences 500',
    ]);
    for (const e of requests) {
      expect(e).toMatchObject({ level: 'info', requestId: expect.any(String), durationMs: expect.any(Number) });
      expect(Date.parse(String(e.time))).not.toBeNaN();
    }
    // Who asked: the admin once signed in, the key on the integration's request.
    expect(requests[2]?.userId).toBe(run.adminId);
    expect(requests[3]?.integrationKeyId).toBe(Number(run.keyId));
    expect(requests[0]?.userId).toBeUndefined();
    // The failure: once, with its stack, under the id the client was given.
    const errors = entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ requestId: run.failedRequestId, route: '/api/sequences', msg: 'request failed' });
    const err = errors[0]?.err as { message: string; stack: string };
    expect(err.message).toContain('sequences');
    expect(err.stack).toMatch(/\n\s+at /);
    expect(errors[0]?.err).toMatchObject({ code: '42P01' });
    expect(errors[0]?.err).not.toHaveProperty('params');
    expect(requests[4]?.requestId).toBe(run.failedRequestId);
  });

  it('leaves out lines below LOG_LEVEL', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', format: 'json', destination: { write: (l) => lines.push(l) } });
    logger.info({ requestId: 'a' }, 'request');
    logger.warn({ requestId: 'b' }, 'health check failed');
    expect(lines.map((l) => (JSON.parse(l) as { requestId: string }).requestId)).toEqual(['b']);
  });

  it('redacts a secret-named field that reaches it by mistake', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', format: 'json', destination: { write: (l) => lines.push(l) } });
    logger.info(
      { password: 'hunter2-hunter2', req: { headers: { cookie: 'sd_session=abc123' } }, 'X-CSRF-Token': 'csrf-777', err: { token: 'tok-999' }, userId: 4 },
      'oops',
    );
    expect(lines.join('')).not.toMatch(/hunter2|abc123|tok-999|csrf-777/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ password: '[redacted]', userId: 4 });
  });
});

describe('request log, readable (development)', () => {
  it('writes a short human line per request and the stack of a failure; no secret', async () => {
    const run = await driveTheApi('pretty');
    expectNoSecrets(run);
    const text = run.lines.join('');
    expect(text).toMatch(/^\d\d:\d\d:\d\d POST \/api\/integration-keys 201 [\d.]+ ms user \d+ \[[\w-]+\]$/m);
    expect(text).toContain(`request failed method=GET route=/api/sequences [${run.failedRequestId}]`);
    expect(text).toMatch(/\n\s+at /);
  });
});
