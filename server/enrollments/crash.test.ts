import { spawn } from 'node:child_process';
import { Blob } from 'node:buffer';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPglite, wrapPglite } from '../store/pglite-db';
import { demoSnapshot } from '../store/test-db';

// The server killed (SIGKILL) in the middle of a bulk unenroll leaves either all of it or none
// of it after a restart. A child process runs the API on a PGlite data folder; a trigger slows
// the UPDATE down so that the kill lands inside the transaction; the folder is then reopened
// (PostgreSQL's crash recovery) and inspected.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEQUENCE = 1;

const CHILD = `
import { createApp } from ${JSON.stringify(path.join(ROOT, 'server/app.ts'))};
import { openPglite } from ${JSON.stringify(path.join(ROOT, 'server/store/pglite-db.ts'))};
import { signInAs } from ${JSON.stringify(path.join(ROOT, 'server/test-utils.ts'))};
const [dir, now] = process.argv.slice(2);
const db = await openPglite({ dataDir: dir });
const app = createApp({ db, clock: { now: () => new Date(now) } });
const { headers } = await signInAs(app, 'manager@example.com');
process.stdout.write('start\\n');
const res = await app.request('/api/enrollments/bulk-unenroll', {
  method: 'POST',
  headers: { ...headers, 'Content-Type': 'application/json', 'Idempotency-Key': 'crash-test-key' },
  body: JSON.stringify({ by: 'filter', sequenceId: '${SEQUENCE}', filter: {} }),
});
process.stdout.write('done ' + res.status + '\\n');
await db.close();
`;

let dir: string;
let now: Date;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sd-crash-'));
  const snapshot = await demoSnapshot();
  now = snapshot.now;
  // The demo database, persisted to a folder, with a trigger that makes each unenrolled row
  // take 20 ms: the UPDATE of the sequence's ~400 live rows then runs for about 8 seconds.
  const pg = await createPglite({
    dataDir: path.join(dir, 'data'),
    loadDataDir: new Blob([await readFile(snapshot.file)], { type: 'application/x-gzip' }) as unknown as globalThis.Blob,
  });
  await pg.exec(`
    CREATE FUNCTION crash_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_sleep(0.02); RETURN NEW; END $$;
    CREATE TRIGGER crash_test_slow BEFORE UPDATE ON enrollments
      FOR EACH ROW WHEN (NEW.unenroll_reason = 'BULK') EXECUTE FUNCTION crash_test_slow();`);
  await pg.close();
  await writeFile(path.join(dir, 'child.mts'), CHILD);
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the child; once it prints `start`, kills it after `delayMs` (never when null). Resolves
 * with its output and how long it ran after `start`. */
function runAndKill(delayMs: number | null): Promise<{ output: string; killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(dir, 'child.mts'), path.join(dir, 'data'), now.toISOString()], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let killed = false;
    let started = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('start') && !started) {
        started = performance.now();
        if (delayMs !== null) {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve({ output, killed, ms: started ? performance.now() - started : 0 }));
  });
}

async function inspect() {
  const db = wrapPglite(await createPglite({ dataDir: path.join(dir, 'data') }));
  try {
    const [state] = await db.query<{ live: number; bulk: number; batches: number; items: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM enrollments WHERE sequence_id = $1 AND status IN ('active', 'paused')) AS live,
              (SELECT count(*)::int FROM enrollments WHERE sequence_id = $1 AND unenroll_reason = 'BULK' AND unenrolled_at = $2) AS bulk,
              (SELECT count(*)::int FROM unenroll_batches) AS batches,
              (SELECT count(*)::int FROM unenroll_batch_items) AS items,
              (SELECT count(*)::int FROM idempotency_keys WHERE key = 'crash-test-key') AS keys`,
      [SEQUENCE, now],
    );
    return state!;
  } finally {
    await db.close();
  }
}

describe('a crash during a bulk unenroll', () => {
  it('leaves all or none of it after a restart: killed half-way, none', async () => {
    const before = await inspect();
    expect(before.live).toBeGreaterThan(100);
    const { output, killed } = await runAndKill(1500);
    expect(killed, output).toBe(true);
    expect(output).not.toContain('done');
    // Reopening runs PostgreSQL's crash recovery: nothing of the transaction is left.
    expect(await inspect()).toEqual({ ...before, bulk: 0, batches: 0, items: 0, keys: 0 });
  }, 60_000);

  it('and when it is not killed, all of it (so the kill above landed inside the transaction)', async () => {
    const before = await inspect();
    const { output, ms } = await runAndKill(null);
    expect(output).toContain('done 200');
    expect(ms).toBeGreaterThan(3000); // twice the moment the first run was killed
    expect(await inspect()).toEqual({ live: 0, bulk: before.live, batches: 1, items: before.live, keys: 1 });
  }, 60_000);
});
