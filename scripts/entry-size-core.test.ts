import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { demoLeftovers, entryScripts, gzipSize, measureEntry, totalGzip } from './entry-size-core';

const html = `<!doctype html>
<html><head>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  <script type="module" crossorigin src="/assets/index-A.js"></script>
  <link rel="modulepreload" crossorigin href="/assets/react-B.js">
  <link rel=modulepreload href='/assets/query-C.js'>
  <link rel="modulepreload" href="/assets/react-B.js">
  <link rel="stylesheet" crossorigin href="/assets/index-D.css">
  <script src="/legacy.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('entryScripts', () => {
  it('lists the module script and the modulepreloads once each, and nothing else', () => {
    expect(entryScripts(html)).toEqual(['/assets/index-A.js', '/assets/react-B.js', '/assets/query-C.js']);
  });
});

describe('measureEntry', () => {
  it('sums the gzip -9 size of every entry file', () => {
    const files: Record<string, string> = {
      '/assets/index-A.js': 'console.log("index");'.repeat(50),
      '/assets/react-B.js': 'export const react = 1;',
      '/assets/query-C.js': 'export const q = [1,2,3];',
    };
    const measured = measureEntry(html, (file) => Buffer.from(files[file]!));
    expect(measured.map((f) => f.file)).toEqual(Object.keys(files));
    expect(measured[0]!.bytes).toBe(files['/assets/index-A.js']!.length);
    for (const f of measured) expect(f.gzip).toBe(gzipSize(files[f.file]!));
    expect(totalGzip(measured)).toBe(measured.reduce((s, f) => s + f.gzip, 0));
  });

  it('measures real gzip -9 output', () => {
    const text = 'a repeated line of text\n'.repeat(100);
    expect(gzipSize(text)).toBe(gzipSync(text, { level: 9 }).length);
    expect(gzipSize(text)).toBeLessThan(text.length / 10);
  });
});

describe('demoLeftovers', () => {
  const files: Record<string, string> = {
    'index.html': '<script type="module" src="/assets/index.js"></script>',
    'assets/index.js': 'createRoot(document.body)',
    'assets/browser.js': 'new PGlite({ dataDir: "idb://x" })',
    'assets/worker.js': 'import("https://mswjs.io")',
    'mockServiceWorker.js': '',
    'demo-db/abc.tar.gz': '',
    'theme.js': 'document.documentElement.dataset.theme = "dark"',
  };
  const read = (file: string) => files[file]!;

  it('names each demo file and each script with PGlite or MSW in it', () => {
    expect(demoLeftovers(Object.keys(files), read)).toEqual([
      'assets/browser.js (matches /pglite/i)',
      'assets/worker.js (matches /mswjs/)',
      'mockServiceWorker.js (a demo file)',
      'demo-db/abc.tar.gz (a demo file)',
    ]);
  });

  it('passes a build with none of them', () => {
    expect(demoLeftovers(['index.html', 'assets/index.js', 'theme.js'], read)).toEqual([]);
  });
});
