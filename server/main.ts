// The Node server: opens the store, and serves the SPA and the API on one origin. `npm start`
// runs it through server/dev.ts (which builds the SPA first when needed); `npm run start:prod`
// runs its compiled copy, dist-server/main.js, with Node alone. Nothing here may import a
// development dependency: scripts/build-server.ts refuses to build if it does.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { startHousekeeping, type Housekeeping } from './housekeeping/schedule';
import { createLogger } from './log';
import type { Logger } from './logger';
import { createNodeApp, nodeClientAddress } from './node-app';
import { nodePasswords } from './node-passwords';
import { DataDirInUse, lockDataDir } from './store/data-dir-lock';
import type { Db } from './store/db';
import { MigrationChanged } from './store/migrate';
import { openPglite } from './store/pglite-db';
import { openPostgres } from './store/postgres-db';
import { prepareStore } from './store/startup';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The store, and what to let go of once it is closed (the embedded folder's lock). */
async function openStore(config: Config, log: Logger): Promise<{ db: Db; label: string; release: () => void }> {
  if (config.DATABASE_URL) {
    const db = openPostgres(config.DATABASE_URL, 10, (err) => log.warn({ err }, 'PostgreSQL connection lost'));
    await db.query('SELECT 1'); // fail now, with a clear message, if the server is unreachable
    return { db, label: 'postgres', release: () => undefined };
  }
  const dir = resolve(config.DATA_DIR);
  mkdirSync(dir, { recursive: true });
  // Before PGlite touches the folder: a second server on it would corrupt it.
  const lock = lockDataDir(dir);
  try {
    const db = await openPglite({ dataDir: dir });
    return { db, label: `pglite at ${config.DATA_DIR}`, release: lock.release };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** Housekeeping every HOUSEKEEPING_INTERVAL_MINUTES (0: none). */
function scheduleHousekeeping(db: Db, config: Config, log: Logger): Housekeeping {
  if (config.HOUSEKEEPING_INTERVAL_MINUTES === 0) return { stop: async () => undefined };
  return startHousekeeping(db, {
    intervalMs: config.HOUSEKEEPING_INTERVAL_MINUTES * 60_000,
    log: (message) => log.info({}, message),
  });
}

/** JSON lines in production (for a log shipper), a short human line otherwise. */
function openLogger(config: Config): Logger & { flush(): void } {
  return createLogger({ level: config.LOG_LEVEL, format: config.NODE_ENV === 'production' ? 'json' : 'pretty' });
}

/** Production serves what `npm run build` made and never builds: without it, say so and stop,
 * rather than answer every page with an error. */
function requireBuiltApp(config: Config): void {
  if (config.NODE_ENV !== 'production' || existsSync(join(DIST, 'index.html'))) return;
  throw new ConfigError(`The web app is not built (no ${join(DIST, 'index.html')}): run \`npm run build\` first.`);
}

/** Stops on SIGINT/SIGTERM: no new connections, open requests finish, housekeeping stops, then
 * the store closes and lets go of its folder. */
function stopOnSignals(
  server: ReturnType<typeof serve>,
  db: Db,
  housekeeping: Housekeeping,
  release: () => void,
  log: Logger & { flush(): void },
): void {
  let stopping = false;
  const exit = (code: number) => {
    log.flush();
    process.exit(code);
  };
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) exit(1); // a second Ctrl-C: stop waiting
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({}, 'Open connections did not finish in 10 s: exiting anyway.');
      exit(1);
    }, 10_000).unref();
    server.close(() => {
      housekeeping
        .stop()
        .then(() => db.close())
        .then(
          () => {
            release();
            exit(0);
          },
          (err: unknown) => {
            log.error({ err }, 'Closing the store failed');
            exit(1);
          },
        );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  requireBuiltApp(config);
  const log = openLogger(config);

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { db, label, release } = await openStore(config, log);
  try {
    // Migrations and the first seeding, under a database lock: instances may start together.
    await prepareStore(db, { seedDataset: config.SEED_DATASET, log: (message) => log.info({}, message) });
  } catch (err) {
    await db.close().catch(() => undefined);
    release();
    throw err;
  }

  const api = createApp({
    db,
    secureCookies: config.SECURE_COOKIES,
    version,
    passwords: nodePasswords,
    logger: log,
    clientAddress: nodeClientAddress(config.TRUST_PROXY),
    ingestLimit: { requests: config.INGEST_RATE_LIMIT, windowSeconds: 60 },
  });
  const app = createNodeApp({ app: api, distDir: DIST, hsts: config.SECURE_COOKIES, logger: log });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info: AddressInfo) => {
    log.info(
      { port: info.port, store: db.kind, version, nodeEnv: config.NODE_ENV, startMs: Math.round(performance.now() - started) },
      `Sequence Desk ready on http://localhost:${info.port} (store: ${label}), started in ${seconds(started)}`,
    );
  });
  const housekeeping = scheduleHousekeeping(db, config, log);
  server.on('error', (err) => {
    log.error({ err }, `Cannot listen on ${config.HOST}:${config.PORT}`);
    void housekeeping
      .stop()
      .then(() => db.close())
      .finally(() => {
        release();
        log.flush();
        process.exit(1);
      });
  });
  stopOnSignals(server, db, housekeeping, release, log);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirInUse || err instanceof MigrationChanged) {
    console.error(err.message);
  } else {
    console.error('Sequence Desk failed to start:', err);
  }
  process.exit(1);
});
