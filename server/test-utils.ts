import type { Role } from '../src/contract/auth';
import { createApp } from './app';
import type { AppDeps } from './deps';
import type { Db } from './store/db';
import { openSeededDb } from './store/test-db';
import { DEMO_PASSWORD, DEMO_USERS } from './store/seed/demo-users';

export interface TestClient {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** Signs in through the API; returns the headers that make a request signed in. */
  signIn(role: Role): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function testClient(deps: Partial<AppDeps> = {}): Promise<TestClient> {
  const db = await openSeededDb();
  const app = createApp({ db, version: 'test', ...deps });
  const cache = new Map<Role, Record<string, string>>();
  return {
    app,
    db,
    async signIn(role) {
      const hit = cache.get(role);
      if (hit) return hit;
      const user = DEMO_USERS.find((u) => u.role === role);
      if (!user) throw new Error(`no demo user with role ${role}`);
      const res = await app.request('/api/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
        body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const headers = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
      cache.set(role, headers);
      return headers;
    },
    close: () => db.close(),
  };
}
