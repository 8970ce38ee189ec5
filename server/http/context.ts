import type { User } from '../../src/contract/auth';

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
}

/** Per-request values set by the middleware in app.ts. */
export interface AppEnv {
  Variables: {
    requestId: string;
    session: Session | null;
    integration: Integration | null;
  };
}
