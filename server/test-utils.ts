import type { Role, User } from '../src/contract/auth';
import { createApp } from './app';
import type { AppDeps } from './deps';
import type { Db } from './store/db';
import { openSeededDb } from './store/test-db';
import { DEMO_PASSWORD, DEMO_USERS } from './store/seed/demo-users';

/** Anything that answers requests like the app does (`app.request`). */
export interface RequestApp {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/** What makes a request signed in: the session cookie and the session's CSRF token. */
export interface SignedInHeaders {
  Cookie: string;
  'X-CSRF-Token': string;
  [header: string]: string;
}

/**
 * Signs in through the API as `email` (with the demo password unless told otherwise) and
 * returns the headers of a signed-in request, and the user. The one way server tests (and the
 * benchmarks) sign in.
 */
export async function signInAs(
  app: RequestApp,
  email: string,
  password: string = DEMO_PASSWORD,
): Promise<{ headers: SignedInHeaders; user: User }> {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { user, csrfToken } = (await res.json()) as { user: User; csrfToken: string };
  return { headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken }, user };
}

export interface TestClient {
  app: ReturnType<typeof createApp>;
  db: Db;
  /** Signs in through the API; returns the headers that make a request signed in. */
  signIn(role: Role): Promise<Record<string, string>>;
  /** A request signed in as `role` (signed out for null), with `body` (when given) as JSON. */
  call(role: Role | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** The rows of a query. */
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** The first row of a query (the test knows there is one). */
  one<T>(sql: string, params?: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** The app over a fresh copy of the demo database, or over `deps.db` when given. */
export async function testClient(deps: Partial<AppDeps> = {}): Promise<TestClient> {
  const db = deps.db ?? (await openSeededDb());
  const app = createApp({ version: 'test', ...deps, db });
  const cache = new Map<Role, Record<string, string>>();
  const signIn = async (role: Role) => {
    const hit = cache.get(role);
    if (hit) return hit;
    const user = DEMO_USERS.find((u) => u.role === role);
    if (!user) throw new Error(`no demo user with role ${role}`);
    const { headers } = await signInAs(app, user.email);
    cache.set(role, headers);
    return headers;
  };
  return {
    app,
    db,
    signIn,
    call: async (role, method, url, body, headers = {}) =>
      app.request(url, {
        method,
        headers: {
          ...(role ? await signIn(role) : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    rows: (sql, params) => db.query(sql, params),
    one: async (sql, params) => (await db.query(sql, params))[0] as never,
    close: () => db.close(),
  };
}
