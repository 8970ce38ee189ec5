import { IdbFs } from '@electric-sql/pglite';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import { setupWorker } from 'msw/browser';
import { createApp } from '../../server/app';
import { createPglite, wrapPglite } from '../../server/store/pglite-db';
import { createBridge } from './bridge';
import { lazyDb, openDemoDb, tarballFrom, type OpenedDb } from './demo-db';
import { DEMO_DATA_DIR, DEMO_IDB_NAME, DemoInAnotherTab, storageTokens } from './demo-storage';

/** How long after a first start the loaded database is stored (copied into IndexedDB, tens of
 * megabytes): after the sign-in form is up, unless a change stores it sooner. */
const STORE_AFTER_MS = 2_000;

/** PGlite's IndexedDB storage, written only when asked (`flush`) instead of after every
 * query: reads cost nothing, and loading the demo data does not copy it all at once. */
class FlushedIdbFs extends IdbFs {
  private last: Promise<unknown> = Promise.resolve();
  override syncToFs(): Promise<void> {
    return Promise.resolve();
  }
  flush(): Promise<void> {
    const run = this.last.then(() => super.syncToFs());
    this.last = run.catch(() => {});
    return run;
  }
}

/** One tab at a time: each tab runs its own copy of the database, and a second one storing
 * its copy would overwrite the first's. A reload waits a moment for the page it replaces. */
function holdTabLock(waitMs = 3_000): Promise<void> {
  if (typeof navigator.locks?.request !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) => {
    navigator.locks
      .request(DEMO_DATA_DIR, { signal: AbortSignal.timeout(waitMs) }, () => {
        resolve();
        // Held for the life of the page.
        return new Promise<never>(() => {});
      })
      .catch(() => reject(new DemoInAnotherTab()));
  });
}

function deleteIndexedDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
  });
}

/** PGlite's own files, fetched at once rather than after the demo data has arrived. */
function fetchPgliteFiles(): { wasm: Promise<WebAssembly.Module>; data: Promise<Blob> } {
  const wasm = WebAssembly.compileStreaming(fetch(pgliteWasmUrl));
  const data = fetch(pgliteDataUrl).then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`${r.status} ${r.url}`))));
  wasm.catch(() => {});
  data.catch(() => {});
  return { wasm, data };
}

async function openStored(files: ReturnType<typeof fetchPgliteFiles>, tarball?: Blob): Promise<OpenedDb> {
  const fs = new FlushedIdbFs(DEMO_DATA_DIR);
  const pg = await createPglite({ fs, loadDataDir: tarball, pgliteWasmModule: await files.wasm, fsBundle: await files.data });
  const db = wrapPglite(pg);
  if (!tarball) {
    // A database the browser evicted comes back empty (PGlite made a new one): not ours.
    const [row] = await db.query<{ users: string | null }>(`SELECT to_regclass('public.users')::text AS users`);
    if (!row?.users) {
      await db.close();
      throw new Error('The stored demo database is empty');
    }
  }
  return { db, flush: () => fs.flush() };
}

/**
 * Demo mode: the API runs in this page on PGlite and MSW hands it every /api request. The
 * database starts from the snapshot shipped with the build (seeded at build time), is kept in
 * IndexedDB so that a reload keeps every change, and the session is kept in localStorage.
 * Loaded lazily, so the production bundle never carries it.
 *
 * Resolves once requests are answered; the database may still be opening (a signed-out
 * visitor gets the sign-in form meanwhile, and requests that need data wait for it).
 * `ready` settles when it is open, and rejects if it cannot be.
 */
export async function startDemoApi(): Promise<{ ready: Promise<void> }> {
  const base = import.meta.env.BASE_URL;
  const snapshotPath = import.meta.env.VITE_DEMO_DB as string;
  if (!snapshotPath) throw new Error('This build ships no demo database (VITE_DEMO_DB)');
  await holdTabLock();
  const files = fetchPgliteFiles();
  const opening = openDemoDb({
    snapshotId: snapshotPath.replace(/^.*\//, '').replace(/\.tar\.gz$/, ''),
    storage: localStorage,
    fetchSnapshot: () => fetch(`${base}${snapshotPath}`).then(tarballFrom),
    wipe: () => deleteIndexedDb(DEMO_IDB_NAME),
    open: (tarball) => openStored(files, tarball),
  }).then((opened) => {
    // No migrations to run: the snapshot was migrated when it was built, and a stored database
    // is reopened only by the build that shipped its snapshot (its id names the server code).
    if (opened.fresh) {
      setTimeout(() => {
        opened.flush().catch((error: unknown) => console.warn('The demo database could not be stored:', error));
      }, STORE_AFTER_MS);
    }
    return opened;
  });
  opening.catch(() => {});
  const app = createApp({ db: lazyDb(opening.then((o) => o.db)), acceptSessionHeader: true, version: 'demo' });
  const flush = async () => (await opening).flush();
  const { handler } = createBridge(app, storageTokens(localStorage), { afterWrite: flush });
  await setupWorker(handler).start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${base}mockServiceWorker.js`, options: { scope: base } },
  });
  return { ready: opening.then(() => undefined) };
}
