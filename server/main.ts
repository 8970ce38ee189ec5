// Node entry (`npm start`): builds the SPA when needed, opens the store, and serves the SPA and
// the API on one origin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createNodeApp, nodeClientAddress } from './node-app';
import { nodePasswords } from './node-passwords';
import type { Db } from './store/db';
import { migrate } from './store/migrate';
import { openPglite } from './store/pglite-db';
import { openPostgres } from './store/postgres-db';
import { seed } from './store/seed/seed';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

/** Newest modification time among the inputs of `vite build`. */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']) visit(join(ROOT, p));
  return newest;
}

function buildIfStale(): void {
  const index = join(DIST, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > 0 && newestSourceMtime() <= builtAt) return;
  console.log(builtAt ? 'dist/ is older than the sources: building the web app…' : 'No dist/: building the web app…');
  const started = performance.now();
  // Always a production bundle: NODE_ENV=test or development in the server's environment would
  // otherwise give React's development build (several times slower, and not what people get).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`vite build failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  console.log(`Built the web app in ${seconds(started)}.`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

async function openStore(config: Config): Promise<{ db: Db; label: string }> {
  if (config.DATABASE_URL) {
    const db = openPostgres(config.DATABASE_URL);
    await db.query('SELECT 1'); // fail now, with a clear message, if the server is unreachable
    return { db, label: 'postgres' };
  }
  mkdirSync(resolve(config.DATA_DIR), { recursive: true });
  const db = await openPglite({ dataDir: resolve(config.DATA_DIR) });
  return { db, label: `pglite at ${config.DATA_DIR}` };
}

async function seedOnFirstStart(db: Db, config: Config): Promise<void> {
  if (config.SEED_DATASET === 'none') return;
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if (n > 0) return;
  console.log('Empty store: seeding the demo data…');
  const started = performance.now();
  const stats = await seed(db, { dataset: 'demo' });
  const enrollments = stats.counts.enrollments?.toLocaleString('en-US') ?? '?';
  console.log(`Seeded the demo data (${enrollments} enrollments) in ${seconds(started)}.`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  if (!config.SKIP_BUILD) buildIfStale();

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { db, label } = await openStore(config);
  try {
    await migrate(db);
    await seedOnFirstStart(db, config);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }

  const api = createApp({
    db,
    secureCookies: config.SECURE_COOKIES,
    version,
    passwords: nodePasswords,
    clientAddress: nodeClientAddress(config.TRUST_PROXY),
  });
  const app = createNodeApp({ app: api, distDir: DIST, hsts: config.SECURE_COOKIES });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info: AddressInfo) => {
    console.log(`Started in ${seconds(started)}.`);
    console.log(`Sequence Desk ready on http://localhost:${info.port} (store: ${label})`);
  });
  server.on('error', (err) => {
    console.error(`Cannot listen on ${config.HOST}:${config.PORT}: ${err.message}`);
    void db.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1); // a second Ctrl-C: stop waiting
    stopping = true;
    console.log(`${signal}: shutting down…`);
    setTimeout(() => {
      console.error('Open connections did not finish in 10 s: exiting anyway.');
      process.exit(1);
    }, 10_000).unref();
    server.close(() => {
      db.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('Closing the store failed:', err);
          process.exit(1);
        },
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Sequence Desk failed to start:', err);
  }
  process.exit(1);
});
