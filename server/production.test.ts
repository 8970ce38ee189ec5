import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, devOnlyImports, type ServerBuild } from '../scripts/build-server';
import { buildSpaIfStale } from './dev-build';
import { nodePasswords } from './node-passwords';
import type { Db } from './store/db';
import { openPostgres } from './store/postgres-db';
import { insertUser } from './sessions/users-store';

// The production path of the README, on PostgreSQL: `npm run build` (the SPA only when dist/ is
// stale; the server always, it takes a fraction of a second), then the compiled server started
// with Node alone and NODE_ENV=production against a database of its own. It must migrate, answer
// health, sign-in and a read, write JSON request lines without secrets, say 503 while its
// database refuses connections and recover, and stop cleanly on SIGTERM.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.TEST_DATABASE_URL;
if (!url) console.info('server/production.test.ts skipped: set TEST_DATABASE_URL to a PostgreSQL database to run it.');

const PASSWORD = `prod-${randomBytes(9).toString('base64url')}`;
const EMAIL = 'ops@example.com';

describe('dev-only imports check', () => {
  it('names every package the bundle would miss after npm prune --omit=dev', () => {
    const deps = { hono: '1', pino: '1', '@hono/node-server': '1' };
    expect(devOnlyImports(['node:fs', 'path', 'hono/cookie', '@hono/node-server/serve-static', 'pino'], deps)).toEqual([]);
    expect(devOnlyImports(['vite', 'tsx/esm', '@vitejs/plugin-react', 'hono'], deps)).toEqual(['@vitejs/plugin-react', 'tsx/esm', 'vite']);
  });
});

describe.skipIf(!url)('the compiled server in production, on PostgreSQL (TEST_DATABASE_URL)', () => {
  const name = `prod_${randomBytes(4).toString('hex')}`;
  const admin = url ? openPostgres(url, 1) : undefined;
  const dbUrl = url ? Object.assign(new URL(url), { pathname: `/${name}` }).toString() : '';
  let build: ServerBuild;
  let child: ChildProcess;
  let base = '';
  let stdout = '';
  let stderr = '';
  let db: Db | undefined;

  beforeAll(async () => {
    // In CI dist/ is not built yet: build it here (the end-to-end tests then reuse it), at a
    // lower priority than the tests running beside this one.
    buildSpaIfStale(ROOT, { lowPriority: true });
    build = await buildServer(ROOT);
    await admin!.exec(`CREATE DATABASE ${name}`);

    // Node alone, with only what an operator would set (no NODE_OPTIONS, no loader from the tests).
    child = spawn(process.execPath, [build.file], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: dbUrl,
        SEED_DATASET: 'none',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 60_000;
    let port: number | undefined;
    while (port === undefined) {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${stderr}${stdout}`);
      if (Date.now() > deadline) throw new Error(`The server did not say it was ready in 60 s: ${stderr}${stdout}`);
      port = entries().find((e) => typeof e.port === 'number')?.port as number | undefined;
      await new Promise((r) => setTimeout(r, 100));
    }
    base = `http://127.0.0.1:${port}`;

    // The server migrated the empty database; an operator creates the first user (as
    // `npm run user:create` does).
    db = openPostgres(dbUrl, 1, () => undefined); // its connection is ended on purpose below
    await insertUser(db, { email: EMAIL, name: 'Ops', role: 'admin', passwordHash: await nodePasswords.hash(PASSWORD) });
  }, 300_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.close();
    await admin?.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  /** Every line of the server's standard output, as JSON (a line that is not JSON fails). */
  function entries(): Record<string, unknown>[] {
    return stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  it('imports only production dependencies at run time, in the server and the operator tools', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(build.packages.length).toBeGreaterThan(0);
    for (const p of build.packages) expect(Object.keys(pkg.dependencies), p).toContain(p);
    expect(build.files.map((f) => path.basename(f))).toEqual(['create-user.js', 'main.js', 'seed.js']);
    for (const file of build.files) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ["'](tsx|vite|vitest|esbuild)[/"']/);
  });

  it('answers health, sign-in and a read, and logs each request as JSON without secrets', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', store: 'postgres', checks: { database: { status: 'ok' } } });

    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { user, csrfToken } = (await signIn.json()) as { user: { id: string; email: string }; csrfToken: string };
    expect(user.email).toBe(EMAIL);

    const list = await fetch(`${base}/api/sequences`, { headers: { Cookie: cookie } });
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject({ items: [] });

    const page = await fetch(`${base}/sequences`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const requests = entries().filter((e) => e.msg === 'request');
    expect(requests.map((e) => `${e.method} ${e.route} ${e.status}`)).toEqual(
      expect.arrayContaining(['GET /api/health 200', 'POST /api/session 200', 'GET /api/sequences 200', 'GET static 200']),
    );
    expect(requests.find((e) => e.route === '/api/sequences')).toMatchObject({
      level: 'info',
      userId: Number(user.id),
      requestId: list.headers.get('X-Request-Id'),
      durationMs: expect.any(Number),
    });
    const token = cookie.slice(cookie.indexOf('=') + 1);
    for (const secret of [PASSWORD, token, csrfToken]) expect(stdout + stderr).not.toContain(secret);
  });

  it('answers 503 while its database refuses connections, and 200 once it is back', async () => {
    await admin!.exec(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await admin!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    const down = await fetch(`${base}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'failing', error: 'unreachable' } } });
    expect(child.exitCode).toBeNull();

    await admin!.exec(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    const up = await fetch(`${base}/api/health`);
    expect(up.status).toBe(200);
    expect(entries().some((e) => e.level === 'warn' && e.msg === 'health check failed')).toBe(true);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(entries().at(-1)).toMatchObject({ msg: 'shutting down', signal: 'SIGTERM' });
  });
});
