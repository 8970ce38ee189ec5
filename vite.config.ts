import { realpathSync } from 'node:fs';
import { searchForWorkspaceRoot } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { demoDatabase } from './scripts/vite-demo-database.ts';

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
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['server/**/*.test.ts', 'src/{domain,contract,i18n,mocks}/**/*.test.ts', 'scripts/**/*.test.ts'],
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
    ],
  },
}));
