import type { Context } from 'hono';
import type { Logger } from './logger';
import type { PasswordHasher } from './sessions/passwords';
import type { AddressLimit, SignInLimit } from './sessions/throttle';
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
  /** Failed sign-ins allowed per account from one address per window before 429. */
  signInLimit?: SignInLimit;
  /** Failed sign-ins from one address (any accounts) before it is slowed, then refused. */
  addressLimit?: AddressLimit;
  /** The caller's network address, for throttling. The Node server reads it from the socket
   * (or X-Forwarded-For behind trusted proxies); without it (the in-page demo, tests) every
   * request counts as one client. */
  clientAddress?: (c: Context) => string | null;
  /** Ingest requests allowed per integration key per window before 429 (docs/integration.md). */
  ingestLimit?: { requests: number; windowSeconds: number };
  version?: string;
  /** Password hashing; defaults to the portable one (the Node server passes its thread-pool one). */
  passwords?: PasswordHasher;
  /** Request lines and failures; defaults to the console fallback (failures only). The Node
   * server passes pino. */
  logger?: Logger;
  /** How long `/api/health` waits for the database before answering 503 (default 2 s). */
  healthTimeoutMs?: number;
  /** Invites per address and invite-token attempts allowed per window before 429. */
  userLimits?: UserLimits;
}

export interface UserLimits {
  /** Invites per invited address. */
  invites: RateLimit;
  /** Attempts to set a password per invite token. */
  acceptInvite: RateLimit;
  /** Attempts to set a password from one client address, whatever the token (when the
   * runtime knows the address: `clientAddress`). */
  acceptInvitePerAddress: RateLimit;
}
