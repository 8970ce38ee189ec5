import type { SignInRequest } from '../../src/contract/auth';
import type { Clock } from '../deps';
import type { Db } from '../store/db';
import type { Session } from '../http/context';
import { HttpError } from '../http/errors';
import { findUserByEmail } from './users-store';
import { completeSignIn, deleteSession, dropEmptySignInCounters, findSession, lockSignInCounters, recordSignInFailures } from './store';
import { accountWait, addressWait, current, throttleKeys, type AddressLimit, type SignInLimit } from './throttle';
import type { PasswordHasher } from './passwords';
import { randomToken, sha256Hex } from './tokens';

export const SESSION_TTL_SECONDS = 7 * 24 * 3600;

// Checked when the email is unknown so that a wrong email costs as much as a wrong password.
const DUMMY_HASH =
  'scrypt$16384$8$1$00000000000000000000000000000000$0000000000000000000000000000000000000000000000000000000000000000';

export interface SignInLimits {
  account: SignInLimit;
  address: AddressLimit;
}

/**
 * Signs a user in from `address` (null: unknown, all such callers count as one client):
 * returns the new session and its token, or throws 401, or 429 with Retry-After while this
 * account has failed too often from this address, or this address too often for any account.
 * A throttled attempt is refused before its password is checked.
 */
export async function signIn(
  db: Db,
  clock: Clock,
  limits: SignInLimits,
  input: SignInRequest,
  passwords: PasswordHasher,
  address: string | null,
): Promise<{ token: string; session: Session; expiresAt: Date }> {
  const now = clock.now();
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, address);
  // Check the counters and count this attempt as a failure in one transaction, with the rows
  // locked: of many concurrent guesses only as many pass as the limits allow. A success is
  // taken back afterwards.
  const { wait, previousFailureAt } = await db.transaction(async (tx) => {
    const counts = await lockSignInCounters(tx, [keys.account, keys.address], now);
    const byAddress = current(counts.get(keys.address), limits.address.windowSeconds, now);
    const waitFor = Math.max(
      accountWait(current(counts.get(keys.account), limits.account.windowSeconds, now), limits.account, now) ?? 0,
      addressWait(byAddress, limits.address, now) ?? 0,
    );
    if (waitFor > 0) {
      await dropEmptySignInCounters(tx, [keys.account, keys.address]);
    } else {
      await recordSignInFailures(
        tx,
        [
          { key: keys.account, windowSeconds: limits.account.windowSeconds },
          { key: keys.address, windowSeconds: limits.address.windowSeconds },
        ],
        now,
      );
    }
    return { wait: waitFor, previousFailureAt: byAddress?.failures ? byAddress.lastFailureAt : null };
  });
  if (wait > 0) {
    throw new HttpError(429, 'rate_limited', `Too many failed sign-in attempts. Try again in ${wait} s.`, undefined, {
      'Retry-After': String(wait),
    });
  }
  const found = await findUserByEmail(db, email);
  const ok = await passwords.verify(input.password, found?.passwordHash ?? DUMMY_HASH);
  if (!found || !ok || !found.active || found.passwordHash === null) {
    throw new HttpError(401, 'invalid_credentials', 'The email or password is not correct.');
  }
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const csrfToken = randomToken(18);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  // The account's failures from this address are forgiven; the address's own count keeps its
  // earlier failures (signing in to one's own account must not buy more guesses at others).
  // Few statements, no transaction: on the embedded store every statement and commit runs on
  // the event loop's thread, and twenty people signing in at once made every other request
  // wait for them.
  await completeSignIn(db, {
    accountKey: keys.account,
    addressKey: keys.address,
    countedAt: now,
    previousFailureAt,
    tokenHash,
    userId: found.id,
    csrfToken,
    expiresAt,
  });
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
