import type { PasswordHasher } from './sessions/passwords';
import type { Db } from './store/db';
import type { RateLimit } from './store/rate-limit';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What createApp needs from its runtime. Everything that differs between the browser,
 * tests and the Node server comes in here. */
export interface AppDeps {
  db: Db;
  clock?: Clock;
  /** Random token generator (session tokens, request ids). Defaults to Web Crypto. */
  randomToken?: () => string;
  /** Mark the session cookie `Secure` (production over HTTPS). */
  secureCookies?: boolean;
  /** Demo mode: also accept the session token from the X-Demo-Session header. */
  acceptSessionHeader?: boolean;
  /** Failed sign-ins allowed per email per window before 429. */
  signInLimit?: { maxFailures: number; windowSeconds: number };
  version?: string;
  /** Password hashing; defaults to the portable one (the Node server passes its thread-pool one). */
  passwords?: PasswordHasher;
  /** Invites per address and invite-token attempts allowed per window before 429. */
  userLimits?: UserLimits;
}

export interface UserLimits {
  /** Invites per invited address. */
  invites: RateLimit;
  /** Attempts to set a password per invite token. */
  acceptInvite: RateLimit;
}
