// `npm run seed -- --dataset demo|xl [--seed N] [--now ISO] [--data-dir DIR] [--reset] [--drop-demo-users]`
//
// Seeds the store the server uses: PostgreSQL when DATABASE_URL is set, else the PGlite data
// folder (`--data-dir`, else DATA_DIR, else ./data). Migrates first. Refuses a store that
// already has data unless `--reset` (which empties every table but keeps the schema).
// The data is generated as of `--now` (default: this moment): the same seed number and moment
// give the same data, so `--now` remakes the data of another store (a server logs the moment it
// seeded its demo data).
// `--drop-demo-users` alone deactivates the four demo users (rep@, manager@, marketer@,
// admin@example.com) and ends their sessions: for a server that must not keep them.
//
// `--via-api URL --key KEY` loads the dataset into a running server through its ingest API
// only (docs/integration.md): the dataset is generated into a local, temporary PGlite
// (`--source-dir DIR` reads an already seeded PGlite folder instead) and posted in batches.
// The server's own database is never opened.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../server/config';
import { lockDataDir } from '../server/store/data-dir-lock';
import type { Db } from '../server/store/db';
import { migrate } from '../server/store/migrate';
import { openPglite } from '../server/store/pglite-db';
import { openPostgres } from '../server/store/postgres-db';
import { DEMO_USERS } from '../server/store/seed/demo-users';
import { DEFAULT_SEED, seed } from '../server/store/seed/seed';
import { readOptions, Refusal, runCommand, UsageError, validOrUsage } from './cli';
import { httpSend, loadViaApi } from './seed-via-api';

const Args = z.object({
  dataset: z.enum(['demo', 'xl'], { message: '--dataset must be "demo" or "xl"' }).optional(),
  seed: z.coerce
    .number({ message: '--seed must be a number' })
    .int('--seed must be a whole number')
    .min(0, '--seed must be 0 or more')
    .max(2 ** 32 - 1, '--seed must be below 2^32')
    .default(DEFAULT_SEED),
  now: z.iso
    .datetime({ offset: true, message: '--now must be a moment in ISO 8601, e.g. 2026-11-30T23:12:14Z' })
    .transform((v) => new Date(v))
    .refine((d) => d.getTime() <= Date.now(), '--now must not be in the future')
    .optional(),
  'data-dir': z.string().min(1).optional(),
  reset: z.boolean().default(false),
  'drop-demo-users': z.boolean().default(false),
  'via-api': z.url({ message: '--via-api must be the base URL of a running server, e.g. http://localhost:3000' }).optional(),
  key: z.string().min(1).optional(),
  'source-dir': z.string().min(1).optional(),
});

const USAGE =
  'usage: npm run seed -- [--dataset demo|xl] [--seed N] [--now ISO] [--data-dir DIR] [--reset] [--drop-demo-users]\n' +
  '       npm run seed -- [--dataset demo|xl] [--seed N] [--now ISO] [--source-dir DIR] --via-api BASE_URL --key INGEST_KEY';

async function main(): Promise<void> {
  const values = readOptions(USAGE, {
    dataset: { type: 'string' },
    seed: { type: 'string' },
    now: { type: 'string' },
    'data-dir': { type: 'string' },
    reset: { type: 'boolean' },
    'drop-demo-users': { type: 'boolean' },
    'via-api': { type: 'string' },
    key: { type: 'string' },
    'source-dir': { type: 'string' },
  });
  if (!values) return;
  const args = validOrUsage(Args.safeParse(values));
  if (args['via-api'] || args.key || args['source-dir']) {
    if (!args['via-api'] || !args.key) throw new UsageError('--via-api and --key go together');
    if (args.reset || args['drop-demo-users'] || args['data-dir']) {
      throw new UsageError('--via-api loads a running server: --reset, --drop-demo-users and --data-dir do not apply');
    }
    if (args['source-dir'] && args.now) throw new UsageError('--now generates the data: it does not apply to --source-dir');
    await seedViaApi(args['via-api'], args.key, { dataset: args.dataset ?? 'demo', seed: args.seed, now: args.now }, args['source-dir']);
    return;
  }
  const onlyDropDemoUsers = args['drop-demo-users'] && !args.dataset && !args.reset && !args.now;
  const config = loadConfig();

  const started = performance.now();
  const { db, label } = await openStore(config.DATABASE_URL, args['data-dir'] ?? config.DATA_DIR);
  try {
    console.log(`Store: ${label} (opened in ${ms(started)})`);
    const applied = await migrate(db);
    if (applied.length) console.log(`Applied migrations ${applied.join(', ')}.`);

    if (!onlyDropDemoUsers) {
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      if (n > 0 && !args.reset) {
        throw new Refusal(`The store already has data (${n} users). Use --reset to empty it first.`);
      }
      if (args.reset) await reset(db);
      const dataset = args.dataset ?? 'demo';
      console.log(`Seeding "${dataset}" with seed ${args.seed}…`);
      const seedStarted = performance.now();
      const stats = await seed(db, {
        dataset,
        seed: args.seed,
        now: args.now,
        onProgress: (message) => console.log(`  ${ms(seedStarted).padStart(8)}  ${message}`),
      });
      console.table(stats.counts);
      console.log(`Largest sequence: #${stats.largestSequence.id} "${stats.largestSequence.name}" (${fmt(stats.largestSequence.enrollments)} enrollments)`);
      console.log(`Small sequence:   #${stats.smallSequence.id} "${stats.smallSequence.name}" (${fmt(stats.smallSequence.enrollments)} enrollments)`);
      console.log(`Data as of ${stats.now}; seeded in ${(stats.durationMs / 1000).toFixed(1)} s.`);
    }
    if (args['drop-demo-users']) await dropDemoUsers(db);
  } finally {
    await db.close();
  }
  console.log(`Done in ${ms(started)}.`);
}

/** Generates the dataset locally (or opens `sourceDir`) and posts it to the server's ingest API. */
async function seedViaApi(
  baseUrl: string,
  key: string,
  { dataset, seed: seedNumber, now }: { dataset: 'demo' | 'xl'; seed: number; now?: Date },
  sourceDir?: string,
): Promise<void> {
  const started = performance.now();
  const health = await fetch(new URL('/api/health', baseUrl)).catch((err: unknown) => {
    throw new Refusal(`Cannot reach ${baseUrl}: ${err instanceof Error ? err.message : String(err)}`);
  });
  if (!health.ok) throw new Refusal(`${baseUrl}/api/health answered ${health.status}: is it a Sequence Desk server?`);

  // xl does not fit in memory: it goes to a temporary folder, removed afterwards.
  const scratch = !sourceDir && dataset === 'xl' ? mkdtempSync(join(tmpdir(), 'sd-seed-')) : undefined;
  const source = await openPglite(sourceDir ? { dataDir: resolve(sourceDir) } : scratch ? { dataDir: scratch } : {});
  try {
    if (sourceDir) {
      await migrate(source);
      console.log(`Source: the seeded PGlite at ${resolve(sourceDir)}`);
    } else {
      await migrate(source);
      console.log(`Generating "${dataset}" with seed ${seedNumber} locally…`);
      const stats = await seed(source, { dataset, seed: seedNumber, now });
      console.log(`Generated in ${(stats.durationMs / 1000).toFixed(1)} s; data as of ${stats.now}.`);
    }
    console.log(`Posting to ${baseUrl} through the ingest API…`);
    const cpu = process.cpuUsage();
    const stats = await loadViaApi(source, { send: httpSend(baseUrl, key), onProgress: (m) => console.log(`  ${m}`) });
    console.table(stats.counts);
    const seconds = stats.durationMs / 1000;
    console.log(
      `Posted ${fmt(stats.rows)} rows in ${fmt(stats.requests)} requests in ${seconds.toFixed(1)} s ` +
        `(${fmt(Math.round(stats.rows / seconds))} rows/s${stats.throttled ? `, ${stats.throttled} throttled and retried` : ''}).`,
    );
    const used = process.cpuUsage(cpu);
    console.log(`This command's CPU time while posting (reading the source, building requests): ${((used.user + used.system) / 1e6).toFixed(1)} s.`);
    console.log(
      'People arrive without passwords. Someone already on the server with the same email (the admin who made the key) ' +
        'keeps theirs; invite the others from Settings → Users.',
    );
  } finally {
    await source.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`Done in ${ms(started)}.`);
}

async function openStore(databaseUrl: string | undefined, dataDir: string): Promise<{ db: Db; label: string }> {
  if (databaseUrl) {
    const db = openPostgres(databaseUrl, 2);
    await db.query('SELECT 1'); // fail here, clearly, if the server is unreachable
    return { db, label: `postgres (${new URL(databaseUrl).host})` };
  }
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // Refuses a folder a running server has open (released when this process exits).
  lockDataDir(dir);
  return { db: await openPglite({ dataDir: dir }), label: `pglite at ${dir}` };
}

/** Empties every table but the migration log, keeping the schema. One table per statement:
 * a TRUNCATE trigger may empty other tables (the email rollups), which PostgreSQL refuses
 * when they are in the same statement. */
async function reset(db: Db): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
      WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  await db.transaction(async (tx) => {
    for (const t of tables) await tx.exec(`TRUNCATE ${t.name} RESTART IDENTITY CASCADE`);
  });
  console.log(`Emptied ${tables.length} tables.`);
}

async function dropDemoUsers(db: Db): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email);
  const rows = await db.transaction(async (tx) => {
    const users = await tx.query<{ id: number; email: string }>(
      'UPDATE users SET active = false WHERE lower(email) = ANY($1::text[]) AND active RETURNING id, email',
      [emails],
    );
    if (users.length) await tx.query('DELETE FROM sessions WHERE user_id = ANY($1::int[])', [users.map((u) => u.id)]);
    return users;
  });
  console.log(rows.length ? `Deactivated demo users: ${rows.map((r) => r.email).join(', ')}.` : 'No active demo users.');
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

runCommand(main, USAGE, 'Seeding failed:');
