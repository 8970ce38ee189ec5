import type { User } from '../../src/contract/auth';
import type { KeyScope } from '../../src/contract/routes';

export interface Session {
  user: User;
  userId: number;
  csrfToken: string;
  tokenHash: string;
}

/** Who is asking, as the stores filter by it: reps see only what they enrolled. */
export interface Viewer {
  userId: number;
  onlyOwn: boolean;
}

export const viewerOf = (s: Session): Viewer => ({ userId: s.userId, onlyOwn: s.user.role === 'rep' });

/** The integration key a request authenticated with (`Authorization: Bearer <key>`). */
export interface Integration {
  keyId: number;
  name: string;
  scope: KeyScope;
}

/** Who is calling, looked up on first ask and at most once a request: an endpoint for
 * integrations never reads the session table, and one for people never the keys. */
export interface Credentials {
  session(): Promise<Session | null>;
  integration(): Promise<Integration | null>;
}

/** Per-request values set by the middleware in app.ts. */
export interface AppEnv {
  Variables: {
    requestId: string;
    credentials: Credentials;
    /** The caller's network address, when the runtime knows it. */
    clientAddress: string | null;
  };
}
