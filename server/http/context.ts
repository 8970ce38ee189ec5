import type { User } from '../../src/contract/auth';

export interface Session {
  user: User;
  userId: number;
  csrfToken: string;
  tokenHash: string;
}

/** The integration key a request authenticated with (`Authorization: Bearer <key>`). */
export interface Integration {
  keyId: number;
  name: string;
}

/** Per-request values set by the middleware in app.ts. */
export interface AppEnv {
  Variables: {
    requestId: string;
    session: Session | null;
    integration: Integration | null;
  };
}
