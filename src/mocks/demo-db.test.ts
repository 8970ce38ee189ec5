import { readFile } from 'node:fs/promises';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app';
import type { Db } from '../../server/store/db';
import { createPglite, wrapPglite } from '../../server/store/pglite-db';
import { DEMO_PASSWORD } from '../../server/store/seed/demo-users';
import { demoSnapshot, openSeededDb } from '../../server/store/test-db';
import { createBridge } from './bridge';
import { lazyDb, openDemoDb, tarballFrom, type DemoDbDeps, type OpenedDb } from './demo-db';
import { storageTokens, type KeyValueStorage } from './demo-storage';

/** localStorage as it is between two page loads: a plain map. */
function memoryStorage(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const fakeDb = {} as Db;

/** The browser's side of openDemoDb, recorded. */
function fakeBrowser(storage: KeyValueStorage, snapshotId = 'snap-1', failStoredOpen = false) {
  const calls: string[] = [];
  const tarball = new Blob(['tar'], { type: 'application/x-tar' });
  const deps: DemoDbDeps = {
    snapshotId,
    storage,
    fetchSnapshot: async () => (calls.push('fetch'), tarball),
    wipe: async () => void calls.push('wipe'),
    open: async (loaded?: Blob): Promise<OpenedDb> => {
      calls.push(loaded ? 'open snapshot' : 'open stored');
      if (!loaded && failStoredOpen) throw new Error('empty');
      return { db: fakeDb, flush: async () => void calls.push('flush') };
    },
  };
  return { deps, calls, tarball };
}

describe('openDemoDb', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads the shipped snapshot on a first visit, and counts it stored only once flushed', async () => {
    const storage = memoryStorage();
    const { deps, calls } = fakeBrowser(storage);
    const opened = await openDemoDb(deps);
    expect(opened.fresh).toBe(true);
    expect(calls).toEqual(['fetch', 'wipe', 'open snapshot']);
    // A reload now would start over: nothing says the stored copy is whole.
    expect((await openDemoDb(fakeBrowser(storage).deps)).fresh).toBe(true);

    await opened.flush();
    const again = fakeBrowser(storage);
    const reopened = await openDemoDb(again.deps);
    expect(reopened.fresh).toBe(false);
    expect(again.calls).toEqual(['open stored']);
  });

  it('keeps the session across a reload of the same database', async () => {
    const storage = memoryStorage();
    const first = await openDemoDb(fakeBrowser(storage).deps);
    await first.flush();
    storageTokens(storage).set('token-1');
    await openDemoDb(fakeBrowser(storage).deps);
    expect(storageTokens(storage).get()).toBe('token-1');
  });

  it('starts over, signed out, when the build ships another snapshot', async () => {
    const storage = memoryStorage();
    await (await openDemoDb(fakeBrowser(storage, 'snap-1').deps)).flush();
    storageTokens(storage).set('token-1');
    const next = fakeBrowser(storage, 'snap-2');
    expect((await openDemoDb(next.deps)).fresh).toBe(true);
    expect(next.calls).toEqual(['fetch', 'wipe', 'open snapshot']);
    expect(storageTokens(storage).get()).toBeNull();
  });

  it('starts over when the stored database does not open', async () => {
    const storage = memoryStorage();
    await (await openDemoDb(fakeBrowser(storage).deps)).flush();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = fakeBrowser(storage, 'snap-1', true);
    expect((await openDemoDb(broken.deps)).fresh).toBe(true);
    expect(broken.calls).toEqual(['open stored', 'fetch', 'wipe', 'open snapshot']);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('tarballFrom', () => {
  it('unzips a gzipped tarball, and takes one the server already unzipped as it is', async () => {
    const tar = new TextEncoder().encode('a tar archive');
    const gz = await new Response(new Blob([tar]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    for (const body of [gz, tar]) {
      const blob = await tarballFrom(new Response(body));
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(tar);
      expect(blob.type).toBe('application/x-tar');
    }
    await expect(tarballFrom(new Response('gone', { status: 404 }))).rejects.toThrow(/404/);
  });
});

describe('the demo API in the page', () => {
  const BASE = 'http://demo.test';
  const server = setupServer();
  afterEach(() => {
    server.resetHandlers();
    server.close();
  });

  it('opens a snapshot tarball and keeps the session in storage across a reload', async () => {
    // The same kind of tarball the demo build ships: a gzipped PGlite data directory.
    const gz = await readFile((await demoSnapshot()).file);
    const pg = await createPglite({ loadDataDir: await tarballFrom(new Response(gz)) });
    const db = wrapPglite(pg);
    try {
      const storage = memoryStorage();
      const writes: string[] = [];
      const start = () => {
        const app = createApp({ db, acceptSessionHeader: true, version: 'demo' });
        const { handler } = createBridge(app, storageTokens(storage), { afterWrite: async () => void writes.push('flush') });
        server.resetHandlers(handler);
      };
      server.listen({ onUnhandledRequest: 'error' });
      start();
      const signIn = await fetch(`${BASE}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'demo' },
        body: JSON.stringify({ email: 'manager@example.com', password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(200);
      expect(writes).toEqual(['flush']);
      expect(storageTokens(storage).get()).toMatch(/.{16,}/);

      // A reload: a new app and bridge, the same storage.
      start();
      const session = (await (await fetch(`${BASE}/api/session`)).json()) as { user: { email: string } | null };
      expect(session.user?.email).toBe('manager@example.com');
      expect(writes).toEqual(['flush']);
    } finally {
      await db.close();
    }
  });

  it('answers the signed-out session check before the database has opened', async () => {
    let open!: (db: Db) => void;
    const app = createApp({ db: lazyDb(new Promise<Db>((r) => (open = r))), acceptSessionHeader: true, version: 'demo' });
    const session = await app.request('/api/session');
    expect(await session.json()).toMatchObject({ user: null });

    const real = await openSeededDb();
    try {
      const pending = app.request('/api/sequences');
      open(real);
      expect((await pending).status).toBe(401);
    } finally {
      await real.close();
    }
  });
});
