// Node built-ins only (the Vite config loads it through the demo snapshot cache).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * A hash of what decides a saved database's content: the given files and folders under `root`
 * (folders walked in full; `.ts` and `.sql` files, tests left out) and the PGlite version (its
 * data directory format). The test snapshot and the demo's prebuilt database are named by it.
 */
export function sourceHash(root: string, sources: readonly string[], length = 16): string {
  const files: string[] = [];
  const visit = (rel: string) => {
    if (statSync(path.join(root, rel)).isDirectory()) {
      for (const name of readdirSync(path.join(root, rel)).sort()) visit(path.join(rel, name));
    } else if (/\.(ts|sql)$/.test(rel) && !rel.endsWith('.test.ts')) files.push(rel);
  };
  for (const source of sources) visit(source);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  const pglite = JSON.parse(readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  hash.update(`pglite@${pglite.version}`);
  return hash.digest('hex').slice(0, length);
}
