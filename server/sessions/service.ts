import type { SignInRequest } from '../../src/contract/auth';
import type { Clock } from '../deps';
import type { Db } from '../store/db';
import type { Session } from '../http/context';
import { HttpError } from '../http/errors';
import { findUserByEmail, touchLastSignIn } from './users-store';
import {
  clearSignInFailures,
  deleteSession,
  findSession,
  insertSession,
  recordSignInFailure,
  signInFailures,
} from './store';
import type { PasswordHasher } from './passwords';
import { randomToken, sha256Hex } from './tokens';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

// Checked when the email is unknown so that a wrong email costs as much as a wrong password.
const DUMMY_HASH =
  'scrypt$16384$8$1$00000000000000000000000000000000$0000000000000000000000000000000000000000000000000000000000000000';

export interface SignInLimit {
  maxFailures: number;
  windowSeconds: number;
}

/** Signs a user in: returns the new session and its token, or throws 401/429. */
export async function signIn(
  db: Db,
  clock: Clock,
  limit: SignInLimit,
  input: SignInRequest,
  passwords: PasswordHasher,
): Promise<{ token: string; session: Session; expiresAt: Date }> {
  const now = clock.now();
  const key = input.email.trim().toLowerCase();
  const prior = await signInFailures(db, key, now, limit.windowSeconds);
  if (prior && prior.failures >= limit.maxFailures) {
    const retryAfter = Math.max(1, Math.ceil((prior.resetAt.getTime() - now.getTime()) / 1000));
    throw new HttpError(429, 'rate_limited', 'Too many failed sign-in attempts. Try again later.', undefined, {
      'Retry-After': String(retryAfter),
    });
  }
  const found = await findUserByEmail(db, key);
  const ok = await passwords.verify(input.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || !found.active || found.passwordHash === null) {
    await recordSignInFailure(db, key, now, limit.windowSeconds);
    throw new HttpError(401, 'invalid_credentials', 'The email or password is not correct.');
  }
  await clearSignInFailures(db, key);
  await touchLastSignIn(db, found.id, now);
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const csrfToken = randomToken(18);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await insertSession(db, { tokenHash, userId: found.id, csrfToken, createdAt: now, expiresAt });
  return { token, expiresAt, session: { user: found.user, userId: found.id, csrfToken, tokenHash } };
}

/** The session a token stands for, or null. */
export async function resolveSession(db: Db, clock: Clock, token: string | undefined): Promise<Session | null> {
  if (!token || token.length > 128) return null;
  return findSession(db, await sha256Hex(token), clock.now());
}

export async function signOut(db: Db, session: Session): Promise<void> {
  await deleteSession(db, session.tokenHash);
}
