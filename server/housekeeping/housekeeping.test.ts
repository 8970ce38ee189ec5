// Housekeeping deletes exactly what no request can use any more, and keeps everything else.
// On PGlite always, and on a real PostgreSQL too when TEST_DATABASE_URL is set (in a schema of
// its own), where the lock that lets one instance of several do a round is a real one.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../store/db';
import { LOCKS } from '../store/locks';
import { migrate } from '../store/migrate';
import { openPglite } from '../store/pglite-db';
import { postgresTestSchema } from '../store/test-db';
import { purgeExpired } from './purge';
import { DEFAULT_RETENTION, housekeepingRound, startHousekeeping } from './schedule';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const WINDOW = 15 * 60; // seconds
const DAY = 24 * 3600;
const HOUR = 3600;
const retention = { signInWindowSeconds: WINDOW, idempotencySeconds: DAY, rateLimitWindowSeconds: HOUR };
const at = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000);

interface Target {
  name: string;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

const targets: Target[] = [
  { name: 'pglite', open: () => openPglite(), cleanup: async () => undefined },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'postgres', ...postgresTestSchema(process.env.TEST_DATABASE_URL, 'hk') }]
    : []),
];

async function insertSession(db: Db, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, 1, 'csrf', $2, $3)`,
    [tokenHash, new Date(expiresAt.getTime() - 7 * DAY * 1000), expiresAt],
  );
}

async function insertAttempt(db: Db, key: string, windowStart: Date): Promise<void> {
  await db.query('INSERT INTO sign_in_attempts (key, window_start, failures) VALUES ($1, $2, 3)', [key, windowStart]);
}

async function insertIngestAnswer(db: Db, key: string, createdAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO ingest_requests (key_id, idempotency_key, operation, request_hash, response, created_at)
     VALUES (1, $1, 'ingestContacts', 'hash', '{}', $2)`,
    [key, createdAt],
  );
}

async function insertRateLimitHit(db: Db, key: string, windowStart: Date): Promise<void> {
  await db.query('INSERT INTO rate_limit_hits (key, window_start, hits) VALUES ($1, $2, 2)', [key, windowStart]);
}

async function insertIdempotencyKey(db: Db, key: string, createdAt: Date): Promise<void> {
  await db.query(
    `INSERT INTO idempotency_keys (user_id, key, operation, request_hash, response, created_at)
     VALUES (1, $1, 'bulkUnenroll', 'hash', '{}', $2)`,
    [key, createdAt],
  );
}

const left = async (db: Db) => ({
  sessions: (await db.query<{ k: string }>('SELECT token_hash AS k FROM sessions ORDER BY 1')).map((r) => r.k),
  signInAttempts: (await db.query<{ k: string }>('SELECT key AS k FROM sign_in_attempts ORDER BY 1')).map((r) => r.k),
  idempotencyKeys: (await db.query<{ k: string }>('SELECT key AS k FROM idempotency_keys ORDER BY 1')).map((r) => r.k),
  ingestAnswers: (await db.query<{ k: string }>('SELECT idempotency_key AS k FROM ingest_requests ORDER BY 1')).map((r) => r.k),
  rateLimitHits: (await db.query<{ k: string }>('SELECT key AS k FROM rate_limit_hits ORDER BY 1')).map((r) => r.k),
});

describe.each(targets)('housekeeping on $name', (target) => {
  let db: Db;

  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    await db.query(`INSERT INTO users (id, email, name, role, password_hash) VALUES (1, 'a@example.com', 'A', 'admin', 'x')`);
    await db.query(
      `INSERT INTO integration_keys (id, name, prefix, key_hash, created_by, created_at) VALUES (1, 'Loader', 'sdk_x', 'h', 1, now())`,
    );
  });
  afterAll(async () => {
    await db.close();
    await target.cleanup();
  });
  beforeEach(async () => {
    await db.exec('DELETE FROM sessions; DELETE FROM sign_in_attempts; DELETE FROM idempotency_keys; DELETE FROM ingest_requests; DELETE FROM rate_limit_hits;');
  });

  test('deletes exactly what is past its window and keeps the rest', async () => {
    await insertSession(db, 'expired-a-day-ago', at(-DAY));
    await insertSession(db, 'expires-now', at(0));
    await insertSession(db, 'live-one-more-second', at(1));
    await insertSession(db, 'live-a-week', at(7 * DAY));
    await insertAttempt(db, 'window-ended-long-ago', at(-DAY));
    await insertAttempt(db, 'window-ends-now', at(-WINDOW));
    await insertAttempt(db, 'window-open-one-more-second', at(-WINDOW + 1));
    await insertAttempt(db, 'window-just-started', at(0));
    await insertIdempotencyKey(db, 'answered-two-days-ago', at(-2 * DAY));
    await insertIdempotencyKey(db, 'answered-a-day-ago', at(-DAY));
    await insertIdempotencyKey(db, 'answered-a-second-later', at(-DAY + 1));
    await insertIdempotencyKey(db, 'answered-now', at(0));
    await insertIngestAnswer(db, 'ingest-answered-a-day-ago', at(-DAY));
    await insertIngestAnswer(db, 'ingest-answered-now', at(0));
    await insertRateLimitHit(db, 'invite-window-ended', at(-HOUR));
    await insertRateLimitHit(db, 'invite-window-open', at(-HOUR + 1));

    expect(await purgeExpired(db, NOW, retention)).toEqual({ sessions: 2, signInAttempts: 2, idempotencyKeys: 2, ingestAnswers: 1, rateLimitHits: 1 });
    expect(await left(db)).toEqual({
      sessions: ['live-a-week', 'live-one-more-second'],
      signInAttempts: ['window-just-started', 'window-open-one-more-second'],
      idempotencyKeys: ['answered-a-second-later', 'answered-now'],
      ingestAnswers: ['ingest-answered-now'],
      rateLimitHits: ['invite-window-open'],
    });
    // Nothing more to do.
    expect(await purgeExpired(db, NOW, retention)).toEqual({ sessions: 0, signInAttempts: 0, idempotencyKeys: 0, ingestAnswers: 0, rateLimitHits: 0 });
  });

  test('goes through a backlog in batches, and stops between two when asked', async () => {
    await db.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
       SELECT 'old-' || i, 1, 'csrf', $1, $1 FROM generate_series(1, 1200) AS i`,
      [at(-DAY)],
    );
    await insertSession(db, 'live', at(60));

    let batches = 0;
    const stopAfterTwo = await purgeExpired(db, NOW, retention, { batchSize: 500, stopped: () => batches++ >= 2 });
    expect(stopAfterTwo.sessions).toBe(1000);

    expect(await purgeExpired(db, NOW, retention, { batchSize: 500 })).toMatchObject({ sessions: 200 });
    expect((await left(db)).sessions).toEqual(['live']);
  });

  test('a round on a schedule purges with the clock, and stop() ends the schedule', async () => {
    await insertSession(db, 'expired', at(-1));
    await insertSession(db, 'live', at(3600));
    const housekeeping = startHousekeeping(db, {
      intervalMs: 20,
      firstDelayMs: 0,
      clock: { now: () => NOW },
      retention,
      log: () => undefined,
    });
    await expect.poll(async () => (await left(db)).sessions, { timeout: 10_000 }).toEqual(['live']);
    await housekeeping.stop();

    await insertSession(db, 'expired-after-stop', at(-1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await left(db)).sessions).toEqual(['expired-after-stop', 'live']);
  });

  test('skips the round while another holder has the housekeeping lock', async () => {
    await insertSession(db, 'expired', at(-1));
    let release!: () => void;
    let holding!: Promise<unknown>;
    const held = new Promise<void>((resolve) => {
      if (target.name === 'postgres') {
        // Another instance: the advisory lock taken on a connection of its own.
        holding = db.reserve!(async (conn) => {
          await conn.query('SELECT pg_advisory_lock($1)', [LOCKS.housekeeping]);
          resolve();
          await new Promise<void>((r) => (release = r));
          await conn.query('SELECT pg_advisory_unlock($1)', [LOCKS.housekeeping]);
        });
      } else {
        // One process: a round already under way.
        holding = housekeepingRound(db, NOW, {
          retention,
          stopped: () => false,
        });
        release = () => undefined;
        resolve();
      }
    });
    await held;
    if (target.name === 'postgres') {
      expect(await housekeepingRound(db, NOW, { retention })).toEqual({ ran: false });
      expect((await left(db)).sessions).toEqual(['expired']);
      release();
      await holding;
      expect(await housekeepingRound(db, NOW, { retention })).toMatchObject({ ran: true, purged: { sessions: 1 } });
    } else {
      expect(await housekeepingRound(db, NOW, { retention })).toEqual({ ran: false });
      expect(await holding).toMatchObject({ ran: true, purged: { sessions: 1 } });
    }
    expect((await left(db)).sessions).toEqual([]);
  });

  test('the default windows are the sign-in limit, a day, and the longest invite limit (an hour)', () => {
    expect(DEFAULT_RETENTION).toEqual({ signInWindowSeconds: WINDOW, idempotencySeconds: DAY, rateLimitWindowSeconds: HOUR });
  });
});
