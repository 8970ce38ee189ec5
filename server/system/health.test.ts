import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../src/contract/health';
import { createApp } from '../app';
import { createLogger } from '../log';
import type { Db } from '../store/db';
import { openPglite } from '../store/pglite-db';
import { openPostgres } from '../store/postgres-db';

// /api/health asks the database, under a running app: it answers 503 with the failing check when
// the database is gone or does not answer in time, and 200 again once it is back.

function appOver(db: Db, healthTimeoutMs?: number) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', format: 'json', destination: { write: (l) => lines.push(l) } });
  const app = createApp({ db, version: 'test', logger, healthTimeoutMs });
  const health = async () => {
    const res = await app.request('/api/health');
    return { status: res.status, body: HealthResponse.parse(await res.json()) };
  };
  const warnings = () =>
    lines.map((l) => JSON.parse(l) as { level: string; msg: string; error?: string }).filter((e) => e.level === 'warn');
  return { health, warnings };
}

describe('health on PGlite', () => {
  it('answers 503 once the database is closed under the app', async () => {
    const db = await openPglite();
    const { health, warnings } = appOver(db);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', store: 'pglite', checks: { database: { status: 'ok' } } } });

    await db.close();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', store: 'pglite', checks: { database: { status: 'failing', error: 'unreachable' } } });
    expect(warnings()).toMatchObject([{ msg: 'health check failed', error: 'unreachable' }]);
  });

  it('answers 503 when the database does not answer in time, and 200 when it does again', async () => {
    const db = await openPglite();
    const { health } = appOver(db, 300);
    // PGlite runs one statement at a time: a transaction that holds it keeps the check waiting.
    let release!: () => void;
    const held = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await new Promise<void>((resolve) => (release = resolve));
    });
    const slow = await health();
    expect(slow.status).toBe(503);
    expect(slow.body.checks.database).toMatchObject({ status: 'failing', error: 'timeout' });
    expect(slow.body.checks.database.durationMs).toBeGreaterThanOrEqual(290);

    release();
    await held;
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });
    await db.close();
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('health on PostgreSQL (TEST_DATABASE_URL)', () => {
  // A database of its own, so that refusing its connections touches nothing else.
  const name = `health_${randomBytes(4).toString('hex')}`;
  const admin = url ? openPostgres(url, 1) : undefined;
  const target = url ? new URL(url) : undefined;
  if (target) target.pathname = `/${name}`;
  const lost: Error[] = [];
  let db: Db | undefined;

  const refuseConnections = async (refuse: boolean) => {
    await admin!.exec(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${refuse ? 'false' : 'true'}`);
    if (refuse) await admin!.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  };

  afterAll(async () => {
    await db?.close().catch(() => undefined);
    await admin?.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.close();
  });

  it('answers 503 while the database refuses connections, and recovers when it is back', async () => {
    await admin!.exec(`CREATE DATABASE ${name}`);
    db = openPostgres(target!.toString(), 4, (err) => lost.push(err));
    const { health, warnings } = appOver(db);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', store: 'postgres' } });

    // Ends the pool's idle connection and refuses new ones: as a database restart looks to the
    // server. The pool hears the idle connection die; the process goes on.
    await refuseConnections(true);
    await expect.poll(() => lost.length).toBeGreaterThan(0);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'unavailable', checks: { database: { status: 'failing', error: 'unreachable' } } });
    expect(warnings()).toMatchObject([{ msg: 'health check failed', error: 'unreachable' }]);

    await refuseConnections(false);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', checks: { database: { status: 'ok' } } } });
  });
});
