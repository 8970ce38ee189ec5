// `npm run size` (after a build): the JavaScript a first visit must download before the app
// starts — the module script and the modulepreloads of dist/index.html, gzip -9, summed — set
// against a bare React app (createRoot + one element) built here by the same Vite and React
// plugin. Prints both and the ratio, writes them to bench/entry-size.json, and fails when the
// ratio is over the budget. It also fails when the build carries any part of the in-browser demo
// (MSW, PGlite, the demo database), which only `npm run build:demo` may ship. It builds nothing
// of the app itself: run `vite build` first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { demoLeftovers, measureEntry, totalGzip, type EntryFile } from './entry-size-core';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'bench', 'entry-size.json');
/** The entry may weigh at most this many times the bare React app. */
const BUDGET = 2.0;

function measureDist(dist: string): EntryFile[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  return measureEntry(html, (file) => readFileSync(path.join(dist, file.replace(/^\//, ''))));
}

/** Builds createRoot + one element with the app's own Vite and React plugin, in production. */
async function measureBareReact(): Promise<EntryFile[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bare-react-'));
  try {
    // The temp folder borrows the project's packages so it builds the same React.
    await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    await writeFile(
      path.join(dir, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.jsx"></script></body></html>',
    );
    await writeFile(
      path.join(dir, 'main.jsx'),
      "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<h1>Hello</h1>);\n",
    );
    await build({
      root: dir,
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: path.join(dir, 'dist'), target: 'es2022', emptyOutDir: true },
    });
    return measureDist(path.join(dir, 'dist'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  process.env.NODE_ENV ??= 'production';
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.error('dist/index.html is missing: build the app first (NODE_ENV=production npx vite build).');
    process.exit(2);
  }
  const entry = measureDist(DIST);
  const bare = await measureBareReact();
  const entryGzip = totalGzip(entry);
  const bareGzip = totalGzip(bare);
  const ratio = entryGzip / bareGzip;
  const met = ratio <= BUDGET;

  for (const f of entry) console.log(`  ${f.file.padEnd(48)} ${kb(f.gzip).padStart(10)}`);
  console.log(`Entry JavaScript (gzip -9): ${kb(entryGzip)} in ${entry.length} file(s)`);
  console.log(`Bare React app (gzip -9):   ${kb(bareGzip)}`);
  console.log(`Ratio: ${ratio.toFixed(2)}× (budget ${BUDGET.toFixed(1)}×) — ${met ? 'within budget' : 'OVER BUDGET'}`);

  await writeFile(
    RESULTS,
    `${JSON.stringify(
      {
        entry: { gzip: entryGzip, files: entry.map((f) => ({ file: path.basename(f.file), bytes: f.bytes, gzip: f.gzip })) },
        bareReact: { gzip: bareGzip },
        ratio,
        budget: BUDGET,
        met,
      },
      null,
      2,
    )}\n`,
  );
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(DIST, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
  const leftovers = demoLeftovers(files, (file) => readFileSync(path.join(DIST, file), 'utf8'));
  if (leftovers.length) console.log(`The build carries the demo:\n  ${leftovers.join('\n  ')}`);
  else console.log(`No demo code or files in the ${files.length} files of dist/.`);
  if (!met || leftovers.length) process.exit(1);
}

await main();
