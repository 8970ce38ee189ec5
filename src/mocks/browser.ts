import { setupWorker } from 'msw/browser';
import { createApp } from '../../server/app';
import { openPglite } from '../../server/store/pglite-db';
import { migrate } from '../../server/store/migrate';
import { seed } from '../../server/store/seed/seed';
import { createBridge, type TokenStore } from './bridge';

const TOKEN_KEY = 'sd.demoSession';

// The session survives reloads like a cookie would, and ends with the tab.
const sessionStorageTokens: TokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (t) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY)),
};

/**
 * Demo mode: the API runs in this page on PGlite (kept in IndexedDB, seeded with the demo
 * data on the first visit) and MSW hands it every /api request. Loaded lazily, so the
 * production bundle never carries it.
 */
export async function startDemoApi(): Promise<void> {
  const db = await openPglite({ dataDir: 'idb://sequence-desk-demo', relaxedDurability: true });
  await migrate(db);
  const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM users')) as [
    { count: number },
  ];
  if (count === 0) await seed(db, { dataset: 'demo' });
  const app = createApp({ db, acceptSessionHeader: true, version: 'demo' });
  const { handler } = createBridge(app, sessionStorageTokens);
  await setupWorker(handler).start({ onUnhandledRequest: 'bypass', quiet: true });
}
