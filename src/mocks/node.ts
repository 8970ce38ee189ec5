import { setupServer, type SetupServer } from 'msw/node';
import type { Role } from '../contract/auth';
import { createApp } from '../../server/app';
import type { Db } from '../../server/store/db';
import { openSeededDb } from '../../server/store/test-db';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/store/seed/demo-users';
import { createBridge, memoryTokenStore, type Faults } from './bridge';

export interface MockApi {
  server: SetupServer;
  db: Db;
  faults: Faults;
  /** Signs in as the demo user of `role`; later requests of the app carry that session. */
  signInAs(role: Role): Promise<void>;
  close(): Promise<void>;
}

/** One demo user per role. */
const demoUserOf = new Map(DEMO_USERS.map((u) => [u.role, u]));

/** Component tests: the real API on a demo-seeded PGlite behind msw/node. */
export async function startMockApi(): Promise<MockApi> {
  const db = await openSeededDb();
  const app = createApp({ db, acceptSessionHeader: true, version: 'test' });
  const tokens = memoryTokenStore();
  const { handler, faults, inFlight } = createBridge(app, tokens);
  const server = setupServer(handler);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    server,
    db,
    faults,
    async signInAs(role) {
      const demo = demoUserOf.get(role);
      if (!demo) throw new Error(`No demo user with role ${role}`);
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'test' },
        body: JSON.stringify({ email: demo.email, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`Sign-in as ${role} failed: ${res.status}`);
      tokens.set(res.headers.get('X-Demo-Session'));
    },
    async close() {
      server.close();
      // A refetch started just before the test ended must not meet a closed database.
      await inFlight.settle();
      await db.close();
    },
  };
}
