import type { TokenStore } from './bridge';

/** What the demo keeps in this browser between visits. No PGlite, MSW or server code here:
 * the app's "Reset demo data" action uses it too. */

/** The in-page database's data directory (PGlite `idb://`), and the IndexedDB database that
 * holds it. */
export const DEMO_DATA_DIR = 'sequence-desk-demo';
export const DEMO_IDB_NAME = `/pglite/${DEMO_DATA_DIR}`;

/** The snapshot the stored database started from, written once it is wholly stored. */
const STORED_KEY = 'sd.demo.db';
/** The demo session: browsers drop Set-Cookie from responses built in JavaScript, so the API
 * hands the session token to the bridge in a header, and it lives here, like a cookie. */
const TOKEN_KEY = 'sd.demo.session';

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The demo session, kept across reloads and tabs until sign-out or a reset. */
export function storageTokens(storage: KeyValueStorage): TokenStore {
  return {
    get: () => storage.getItem(TOKEN_KEY),
    set: (token) => (token ? storage.setItem(TOKEN_KEY, token) : storage.removeItem(TOKEN_KEY)),
  };
}

export function storedSnapshot(storage: KeyValueStorage): string | null {
  return storage.getItem(STORED_KEY);
}

export function markStored(storage: KeyValueStorage, snapshotId: string): void {
  storage.setItem(STORED_KEY, snapshotId);
}

/** Forgets the stored database and the session: the next start begins from the snapshot. */
export function forgetDemo(storage: KeyValueStorage): void {
  storage.removeItem(STORED_KEY);
  storage.removeItem(TOKEN_KEY);
}

/** "Reset demo data": throws away every change and starts over from the shipped data. */
export function resetDemoData(): void {
  forgetDemo(localStorage);
  window.location.reload();
}

/** The demo is open in another tab of this browser (see startDemoApi). */
export class DemoInAnotherTab extends Error {
  override name = 'DemoInAnotherTab';
  constructor() {
    super('The demo is open in another tab');
  }
}
