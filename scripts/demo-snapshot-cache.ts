// Where the prebuilt demo database (scripts/demo-snapshot.ts) is cached, and whether the cached
// one still fits the code. Node built-ins only: the Vite config loads this.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceHash } from '../server/store/source-hash';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_CACHE_DIR = path.join(ROOT, '.cache', 'demo-db');
export const DEMO_SNAPSHOT_SCRIPT = path.join(ROOT, 'scripts', 'demo-snapshot.ts');

/** A snapshot older than this is built again, so that the demo data stays recent (the seed
 * places six months of history, schedules and errors relative to the day it runs). */
export const DEMO_SNAPSHOT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

export interface DemoSnapshot {
  /** Names this snapshot: the code that made it and the moment its data is "as of". A page
   * that has stored another one starts over from this one. */
  id: string;
  /** The gzipped tarball. */
  file: string;
  /** The moment the data was generated for (ISO). */
  now: string;
}

/** A hash of what decides the snapshot's content: the server code (migrations, seed, password
 * hashing) and the PGlite version (its data directory format). */
export function demoSourceHash(): string {
  return sourceHash(ROOT, ['server'], 12);
}

/** The moment a snapshot's data is "as of": whole seconds. */
export const snapshotNow = (date = new Date()) => new Date(Math.floor(date.getTime() / 1000) * 1000);

export const snapshotId = (hash: string, now: Date) =>
  `${hash}-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;

export const cachedSnapshotFile = (id: string) => path.join(DEMO_CACHE_DIR, `${id}.tar.gz`);
export const cacheMetaFile = (hash: string) => path.join(DEMO_CACHE_DIR, `${hash}.json`);

/** The cached snapshot of the current code when there is one younger than `maxAgeMs`. */
export async function cachedDemoSnapshot(maxAgeMs = DEMO_SNAPSHOT_MAX_AGE_MS, now = new Date()): Promise<DemoSnapshot | null> {
  try {
    const meta = JSON.parse(await readFile(cacheMetaFile(demoSourceHash()), 'utf8')) as DemoSnapshot;
    statSync(meta.file);
    if (now.getTime() - new Date(meta.now).getTime() > maxAgeMs) return null;
    return meta;
  } catch {
    return null;
  }
}
