import { realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { searchForWorkspaceRoot } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { demoDatabase } from './scripts/vite-demo-database.ts';

/** Test files that start servers or child processes, kill them mid-write, or time the event
 * loop: they run one at a time, after the others (see `maxWorkers` below). */
const ALONE = [
  'server/enrollments/crash.test.ts',
  'server/ingest/via-api.test.ts',
  'server/logging.test.ts',
  'server/node-passwords.test.ts',
  'server/node-server.test.ts',
  'server/production.test.ts',
  'server/store/concurrent-start.test.ts',
  'server/store/data-dir-lock.test.ts',
  'server/store/pglite-db.test.ts',
  'server/system/health.test.ts',
];

export default defineConfig(({ mode }) => ({
  // `npm run build:demo` (mode demo): a static site, under DEMO_BASE (default /) on its host.
  base: mode === 'demo' ? (process.env.DEMO_BASE ?? '/') : '/',
  plugins: [
    react(),
    demoDatabase(),
    // Brotli and gzip copies of every text asset, made once at build time at the highest
    // settings, so the server sends them by content negotiation without compressing per request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  // PGlite ships WASM and data files that the dependency optimizer would break.
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  worker: { format: 'es' },
  build: {
    outDir: mode === 'demo' ? 'dist-demo' : 'dist',
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // What the entry imports stays in the entry file, rather than in small chunks it shares
        // with lazy pages: one file gzips ~2 KiB smaller than the same code in pieces, and is
        // one request. `npm run size` holds the result to its budget.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: {
    port: 5173,
    // node_modules may be a link to a folder outside the project (a shared install): the dev
    // server must still hand out PGlite's WASM and data files from there.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync('node_modules')] },
  },
  test: {
    // CI reads the counts from a JSON report when it asks for one.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
    // Tests fail on any console.error/warn and on unhandled requests (src/test/setup.ts).
    //
    // Workers: one per core. Vitest's default leaves one core to its own process, which sits
    // mostly idle while the workers run the tests: on a two-core machine that was a single
    // worker. Two took the run from 752 s to 586 s there (each file ran about 40% slower beside
    // the other, so a fifth less, not half). The files that start servers or other
    // processes, or time how the event loop behaves, run after the rest, one at a time
    // (the "alone" project), so nothing else competes with what they measure.
    maxWorkers: Math.max(1, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'src/{domain,contract,i18n,mocks}/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          setupFiles: ['src/test/clock.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/{app,features,ui,api}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/clock.ts', 'src/test/setup.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          environment: 'node',
          include: [...ALONE],
          setupFiles: ['src/test/clock.ts'],
          globalSetup: ['src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}));
