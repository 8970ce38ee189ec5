import type { Db } from '../../server/store/db';
import { forgetDemo, markStored, storedSnapshot, type KeyValueStorage } from './demo-storage';

export interface OpenedDb {
  db: Db;
  /** Resolves once every change so far is stored (IndexedDB). */
  flush(): Promise<void>;
}

export interface DemoDbDeps {
  /** The id of the snapshot this build ships. */
  snapshotId: string;
  storage: KeyValueStorage;
  /** The shipped snapshot, as a tarball of the data directory. */
  fetchSnapshot(): Promise<Blob>;
  /** Deletes the stored database. */
  wipe(): Promise<void>;
  /** Opens the stored database (failing when it is missing or unusable), or loads `tarball`
   * into a new one. */
  open(tarball?: Blob): Promise<OpenedDb>;
}

export interface DemoDb extends OpenedDb {
  /** True when this start loaded the shipped snapshot (first visit, reset, newer snapshot):
   * it is stored by the first flush, and only then does a reload reopen it. */
  fresh: boolean;
}

/**
 * Opens the demo's database: the one this browser stored, when it started from the snapshot
 * this build ships and was wholly stored; otherwise the shipped snapshot, loaded afresh (the
 * stored database and the session are dropped first). Never seeds: that is done at build time.
 */
export async function openDemoDb(deps: DemoDbDeps): Promise<DemoDb> {
  const { storage, snapshotId } = deps;
  if (storedSnapshot(storage) === snapshotId) {
    try {
      return { ...(await deps.open()), fresh: false };
    } catch (error) {
      console.warn('The stored demo database did not open; starting over from the demo data.', error);
    }
  }
  forgetDemo(storage);
  const tarball = deps.fetchSnapshot();
  // Awaited below; this keeps an unhandled rejection away if wiping fails first.
  tarball.catch(() => {});
  await deps.wipe();
  const opened = await deps.open(await tarball);
  return {
    db: opened.db,
    fresh: true,
    flush: async () => {
      await opened.flush();
      markStored(storage, snapshotId);
    },
  };
}

/** The tarball in `response`, unzipped (unless the server already did, by Content-Encoding). */
export async function tarballFrom(response: Response): Promise<Blob> {
  if (!response.ok) throw new Error(`The demo data did not load: ${response.status} ${response.url}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const tar = gzipped
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()
    : bytes;
  return new Blob([tar], { type: 'application/x-tar' });
}

/** A Db that waits for `ready` before each call: the API can answer what needs no data (the
 * signed-out session check) while the database is still opening. */
export function lazyDb(ready: Promise<Db>): Db {
  return {
    kind: 'pglite',
    query: async (sql, params) => (await ready).query(sql, params),
    exec: async (sql) => (await ready).exec(sql),
    transaction: async (fn) => (await ready).transaction(fn),
    close: async () => (await ready).close(),
  };
}
