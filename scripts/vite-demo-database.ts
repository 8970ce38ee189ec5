// Vite plugin: ships the demo database prebuilt (scripts/demo-snapshot.ts) when the app is built
// or served in demo mode (VITE_API_MODE=demo). The page learns where the tarball is from
// `import.meta.env.VITE_DEMO_DB` (a path under the base URL; empty outside demo mode).
//
// - `npm run dev`: the snapshot is built in the background when the dev server starts (if the
//   cache has none recent enough) and served at that path; a request waits for it.
// - `vite build` in demo mode: the tarball is emitted as an asset, and index.html is copied
//   to 404.html for static hosts that serve that file for unknown paths.
//
// MSW's service worker (demo-public/mockServiceWorker.js, kept current by `msw init`) goes the
// same way: served by the dev server and emitted by a demo build, so the production build in
// dist/ carries no part of the demo.
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { loadEnv } from 'vite';
import {
  DEMO_SNAPSHOT_SCRIPT,
  cachedDemoSnapshot,
  demoSourceHash,
  snapshotId,
  snapshotNow,
  type DemoSnapshot,
} from './demo-snapshot-cache.ts';

/** Seeds the demo database in another process (tens of seconds of CPU: the dev server stays
 * responsive meanwhile), then reads back what it cached. */
function buildSnapshot(now: Date): Promise<DemoSnapshot> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DEMO_SNAPSHOT_SCRIPT, '--now', now.toISOString()], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`building the demo database failed (exit code ${code})`));
      cachedDemoSnapshot(Number.POSITIVE_INFINITY).then(
        (s) => (s ? resolve(s) : reject(new Error('the demo database was not cached'))),
        reject,
      );
    });
  });
}

const DIR = 'demo-db';
const WORKER = 'mockServiceWorker.js';

export function demoDatabase(): Plugin {
  let enabled = false;
  let snapshot: Promise<DemoSnapshot> | null = null;
  let planned: { id: string; make: () => Promise<DemoSnapshot> } | null = null;
  let config: ResolvedConfig | null = null;

  const workerSource = () => path.join(config?.root ?? process.cwd(), 'demo-public', WORKER);

  const ensure = () => {
    if (!planned) throw new Error('demo database not planned');
    if (!snapshot) {
      snapshot = planned.make();
      snapshot.catch(() => (snapshot = null));
    }
    return snapshot;
  };

  return {
    name: 'sequence-desk:demo-database',

    async config(_user, { mode }) {
      enabled = loadEnv(mode, process.cwd(), 'VITE_').VITE_API_MODE === 'demo' && mode !== 'test';
      if (!enabled) return { define: { 'import.meta.env.VITE_DEMO_DB': JSON.stringify('') } };
      // The id (and so the asset's name) must be known now, for the define: reuse a recent
      // snapshot, or name the one to build with the moment its data will be "as of".
      const cached = await cachedDemoSnapshot();
      if (cached) planned = { id: cached.id, make: async () => cached };
      else {
        const now = snapshotNow();
        planned = { id: snapshotId(demoSourceHash(), now), make: () => buildSnapshot(now) };
      }
      return { define: { 'import.meta.env.VITE_DEMO_DB': JSON.stringify(`${DIR}/${planned.id}.tar.gz`) } };
    },

    configResolved(resolved) {
      config = resolved;
    },

    configureServer(server) {
      if (!enabled || !planned) return;
      const started = Date.now();
      void ensure().then(
        (s) => server.config.logger.info(`  demo database: ${s.id} (${Date.now() - started} ms)`, { timestamp: true }),
        (error: unknown) => server.config.logger.error(`demo database: ${String(error)}`),
      );
      server.middlewares.use(`${server.config.base}${WORKER}`, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(workerSource()).pipe(res);
      });
      const route = `${server.config.base}${DIR}/${planned.id}.tar.gz`;
      server.middlewares.use(route, (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        ensure().then(
          (s) => {
            res.setHeader('Content-Type', 'application/octet-stream');
            res.setHeader('Cache-Control', 'no-cache');
            createReadStream(s.file).pipe(res);
          },
          (error: unknown) => next(error),
        );
      });
    },

    buildStart() {
      // Seeding runs beside the bundling.
      if (enabled && planned && config?.command === 'build') void ensure().catch(() => {});
    },

    async generateBundle() {
      if (!enabled || !planned || config?.command !== 'build') return;
      const s = await ensure();
      this.emitFile({ type: 'asset', fileName: `${DIR}/${planned.id}.tar.gz`, source: new Uint8Array(await readFile(s.file)) });
      this.emitFile({ type: 'asset', fileName: WORKER, source: await readFile(workerSource(), 'utf8') });
    },

    async writeBundle(options) {
      if (!enabled || config?.command !== 'build' || !options.dir) return;
      await copyFile(path.join(options.dir, 'index.html'), path.join(options.dir, '404.html'));
    },
  };
}
