// npm run bench:ingest -- [--dataset demo|xl] [--store pglite|postgres|both]
//
// Rows per second through the ingest API against the direct seeder, on the same machine in the
// same run. For each store: the dataset is seeded directly into an empty store (timed: the
// seeder's rate), then an empty server (npm start with SEED_DATASET=none) is loaded with
// `npm run seed -- --via-api URL --key KEY --source-dir DIR` from the PGlite folder the direct
// seed made (so the dataset is generated once). The server and the command run as separate
// processes, as they would for a user. PostgreSQL needs TEST_DATABASE_URL (each run in a schema
// of its own). `xl` takes a long time (tens of minutes per store): it runs only when asked.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createIntegrationKey } from '../server/integrations/service';
import { portablePasswords } from '../server/sessions/passwords';
import { randomToken } from '../server/sessions/tokens';
import { insertUser } from '../server/sessions/users-store';
import type { Db } from '../server/store/db';
import { migrate } from '../server/store/migrate';
import { openPglite } from '../server/store/pglite-db';
import { seed } from '../server/store/seed/seed';
import { postgresTestSchema } from '../server/store/test-db';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 3106);
const BASE = `http://127.0.0.1:${PORT}`;

/** CPU seconds a process has used so far (Linux). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (!pid) return NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
}

interface Result {
  store: 'pglite' | 'postgres';
  dataset: string;
  rows: number;
  directSeconds: number;
  directRowsPerSecond: number;
  /** CPU seconds of the direct seeder (with PGlite, the database's work included). */
  directCpuSeconds: number;
  /** CPU seconds of the server and of the command while loading (PostgreSQL's own not included). */
  apiServerCpuSeconds: number;
  apiCommandCpuSeconds: number;
  apiSeconds: number;
  apiRowsPerSecond: number;
  requests: number;
  ratio: number;
  goal: number;
}

const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'demo' }, store: { type: 'string', default: 'both' } } });
const dataset = values.dataset === 'xl' ? 'xl' : 'demo';
const stores = values.store === 'both' ? (['pglite', 'postgres'] as const) : ([values.store] as Array<'pglite' | 'postgres'>);

/** An empty store of the kind asked: its Db, and how the server reaches it (env). */
async function emptyStore(kind: 'pglite' | 'postgres'): Promise<{ db: Db; env: Record<string, string>; cleanup(): Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'sd-bench-ingest-'));
    const db = await openPglite({ dataDir: dir });
    return { db, env: { DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('--store postgres needs TEST_DATABASE_URL');
  const schema = postgresTestSchema(url, 'bench_ingest');
  const db = await schema.open();
  const [row] = await db.query<{ search_path: string }>('SHOW search_path');
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${(row?.search_path ?? '').replace(/\s/g, '')}`);
  return { db, env: { DATABASE_URL: scoped.toString() }, cleanup: () => schema.cleanup() };
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  log = false,
): { child: ChildProcess; output: Promise<string>; sofar: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    if (log) process.stdout.write(chunk);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const output = new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 || code === null ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
  output.catch(() => undefined);
  return { child, output, sofar: () => out };
}

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

async function benchStore(kind: 'pglite' | 'postgres', sourceDir: string | null): Promise<{ result: Result; sourceDir: string }> {
  // 1. The direct seeder into an empty store.
  const direct = await emptyStore(kind);
  await migrate(direct.db);
  console.log(`[${kind}] seeding "${dataset}" directly…`);
  const cpu = process.cpuUsage();
  const stats = await seed(direct.db, { dataset, seed: 42 });
  const used = process.cpuUsage(cpu);
  const directCpuSeconds = (used.user + used.system) / 1e6;
  const rows = Object.values(stats.counts).reduce((a, b) => a + b, 0) - (stats.counts.teams ?? 0);
  const directSeconds = stats.durationMs / 1000;
  console.log(`[${kind}] direct: ${rows} rows in ${directSeconds.toFixed(1)} s`);
  await direct.db.close();
  let source = sourceDir;
  if (kind === 'pglite' && !source) source = direct.env.DATA_DIR as string; // reused as the source below
  else await direct.cleanup();
  if (!source) {
    // PostgreSQL alone: the command still reads a seeded PGlite folder (not timed).
    const made = await emptyStore('pglite');
    await migrate(made.db);
    console.log(`[${kind}] seeding the source PGlite folder (not timed)…`);
    await seed(made.db, { dataset, seed: 42 });
    await made.db.close();
    source = made.env.DATA_DIR as string;
  }

  // 2. An empty server whose admin made an ingest key, loaded by the seed command.
  const target = await emptyStore(kind);
  await migrate(target.db);
  const admin = await insertUser(target.db, { email: 'admin@example.com', name: 'Bench Admin', role: 'admin', passwordHash: await portablePasswords.hash(randomToken(18)) });
  const { key } = await createIntegrationKey(target.db, { name: 'Bench', scope: 'ingest' }, admin.id, new Date());
  await target.db.close(); // PGlite: the server must own the folder
  const server = run(process.execPath, ['--import', 'tsx', 'server/main.ts'], { ...target.env, SEED_DATASET: 'none', SKIP_BUILD: 'true', PORT: String(PORT), INGEST_RATE_LIMIT: '1000000' });
  try {
    await waitForHealth();
    console.log(`[${kind}] loading through the API…`);
    const serverCpu = await cpuSeconds(server.child.pid);
    const cmd = run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--source-dir', source, '--via-api', BASE, '--key', key], {}, true);
    const out = await cmd.output.catch((err: unknown) => {
      console.error(`The server said:\n${server.sofar().slice(-4000)}`);
      throw err;
    });
    const apiServerCpuSeconds = (await cpuSeconds(server.child.pid)) - serverCpu;
    const commandCpu = /CPU time while posting[^:]*: ([\d.]+) s/.exec(out);
    const match = /Posted ([\d,]+) rows in ([\d,]+) requests in ([\d.]+) s/.exec(out);
    if (!match) throw new Error(`no figures in the command's output:\n${out}`);
    const apiRows = Number(match[1]?.replace(/,/g, ''));
    const apiSeconds = Number(match[3]);
    const result: Result = {
      store: kind,
      dataset,
      rows: apiRows,
      directSeconds,
      directRowsPerSecond: Math.round(rows / directSeconds),
      directCpuSeconds: Number(directCpuSeconds.toFixed(1)),
      apiServerCpuSeconds: Number(apiServerCpuSeconds.toFixed(1)),
      apiCommandCpuSeconds: Number(commandCpu?.[1] ?? NaN),
      apiSeconds,
      apiRowsPerSecond: Math.round(apiRows / apiSeconds),
      requests: Number(match[2]?.replace(/,/g, '')),
      ratio: 0,
      goal: 0.5,
    };
    result.ratio = Number((result.apiRowsPerSecond / result.directRowsPerSecond).toFixed(2));
    return { result, sourceDir: source };
  } finally {
    server.child.kill('SIGTERM');
    await server.output.catch(() => undefined);
    await target.cleanup();
  }
}

const results: Result[] = [];
let sourceDir: string | null = null;
const scratch: string[] = [];
try {
  for (const store of stores) {
    const { result, sourceDir: used } = await benchStore(store, sourceDir);
    if (!sourceDir) scratch.push(used);
    sourceDir = used;
    results.push(result);
  }
} finally {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
}

console.log(`\nIngest API vs direct seeder — "${dataset}", rows per second (server and command in separate processes)\n`);
console.log(
  `${'store'.padEnd(10)} ${'rows'.padStart(10)} ${'direct r/s'.padStart(11)} ${'API r/s'.padStart(9)} ${'ratio'.padStart(6)} goal       ` +
    `CPU s: direct / API server + command`,
);
for (const r of results) {
  console.log(
    `${r.store.padEnd(10)} ${String(r.rows).padStart(10)} ${String(r.directRowsPerSecond).padStart(11)} ${String(r.apiRowsPerSecond).padStart(9)} ` +
      `${r.ratio.toFixed(2).padStart(6)} ≥ ${r.goal} ${(r.ratio >= r.goal ? 'ok' : 'MISSED').padEnd(7)} ` +
      `${r.directCpuSeconds} / ${r.apiServerCpuSeconds} + ${r.apiCommandCpuSeconds}`,
  );
}
const resultsFile = path.join(ROOT, 'bench', 'results.json');
const previous = existsSync(resultsFile) ? (JSON.parse(await readFile(resultsFile, 'utf8')) as Record<string, unknown>) : {};
// A run of one store keeps the other store's last figures.
const before = (previous.ingest as Record<string, Result[] | undefined> | undefined) ?? {};
const kept = (before[dataset] ?? []).filter((r) => !results.some((n) => n.store === r.store));
const ingest = { ...before, [dataset]: [...kept, ...results] };
await writeFile(resultsFile, JSON.stringify({ ...previous, ingest }, null, 2) + '\n');
