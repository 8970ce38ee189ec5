// Development only (`npm start`): builds the SPA into dist/ when it is missing or older than its
// sources. The production entry (`npm run start:prod`) never builds: `npm run build` did.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The inputs of `vite build`. */
const SPA_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/** Newest modification time among `paths` (files, or folders walked recursively). */
export function newestMtime(root: string, paths: readonly string[]): number {
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
  for (const p of paths) visit(join(root, p));
  return newest;
}

/** Whether `dist/` holds a build at least as new as the SPA's sources. */
export function isSpaBuildFresh(root: string): boolean {
  const index = join(root, 'dist', 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  return builtAt > 0 && newestMtime(root, SPA_SOURCES) <= builtAt;
}

/** Runs `vite build` when dist/ is missing or stale; throws when the build fails.
 * `lowPriority`: under `nice`, so that tests running beside it keep their share of the CPU. */
export function buildSpaIfStale(root: string, options: { lowPriority?: boolean } = {}): void {
  if (isSpaBuildFresh(root)) return;
  const missing = !existsSync(join(root, 'dist', 'index.html'));
  console.log(missing ? 'No dist/: building the web app…' : 'dist/ is older than the sources: building the web app…');
  const started = performance.now();
  // Always a production bundle: NODE_ENV=test or development in the server's environment would
  // otherwise give React's development build (several times slower, and not what people get).
  const env = { ...process.env, NODE_ENV: 'production' };
  const command = ['npx', 'vite', 'build'];
  if (options.lowPriority && process.platform !== 'win32') command.unshift('nice', '-n', '10');
  const [bin, ...args] = command as [string, ...string[]];
  const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    throw new Error(`vite build failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  console.log(`Built the web app in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
