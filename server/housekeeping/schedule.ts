// Housekeeping on a schedule. Every instance runs the timer; each round, whichever instance
// gets the housekeeping lock first does the work and the others skip that round (they do not
// wait: there is nothing for two to do). The timer never keeps the process alive, and stop()
// ends a round in progress between two batches, before the store is closed.
import type { Clock } from '../deps';
import { DEFAULT_ADDRESS_LIMIT, DEFAULT_SIGN_IN_LIMIT } from '../sessions/throttle';
import type { Db } from '../store/db';
import { DEFAULT_USER_LIMITS } from '../users/service';
import { withLockIfFree } from '../store/locks';
import { purgeExpired, type Purged, type Retention } from './purge';

/** The default windows: the server's sign-in limit, and a day of Idempotency-Key replays
 * (a retry comes within seconds or minutes; a day covers a client that retries the next
 * morning). */
export const DEFAULT_RETENTION: Retention = {
  // Both kinds of sign-in counter (per account and address, per address) share the table.
  signInWindowSeconds: Math.max(DEFAULT_SIGN_IN_LIMIT.windowSeconds, DEFAULT_ADDRESS_LIMIT.windowSeconds),
  idempotencySeconds: 24 * 3600,
  rateLimitWindowSeconds: Math.max(...Object.values(DEFAULT_USER_LIMITS).map((limit) => limit.windowSeconds)),
};

export type RoundResult = { ran: true; purged: Purged } | { ran: false };

/** One round: purge under the housekeeping lock, or skip when another instance holds it. */
export async function housekeepingRound(
  db: Db,
  now: Date,
  options: { retention?: Retention; batchSize?: number; stopped?: () => boolean } = {},
): Promise<RoundResult> {
  const result = await withLockIfFree(db, 'housekeeping', (conn) =>
    purgeExpired(conn, now, options.retention ?? DEFAULT_RETENTION, options),
  );
  return result.ran ? { ran: true, purged: result.value } : { ran: false };
}

export interface HousekeepingOptions {
  intervalMs: number;
  /** The first round comes after a random wait up to this long (default: a minute, at most
   * the interval), so that instances started together do not all try at once. */
  firstDelayMs?: number;
  clock?: Clock;
  retention?: Retention;
  log?: (message: string) => void;
}

export interface Housekeeping {
  /** Stops the timer and waits for a round in progress to end (at its next batch). */
  stop(): Promise<void>;
}

export function startHousekeeping(db: Db, options: HousekeepingOptions): Housekeeping {
  const clock = options.clock ?? { now: () => new Date() };
  const log = options.log ?? ((message: string) => console.info(message));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = undefined;
        schedule(options.intervalMs);
      });
    }, delayMs);
    timer.unref();
  };

  const round = async () => {
    try {
      const result = await housekeepingRound(db, clock.now(), { retention: options.retention, stopped: () => stopped });
      if (!result.ran) return;
      const { sessions, signInAttempts, idempotencyKeys } = result.purged;
      if (sessions + signInAttempts + idempotencyKeys > 0) {
        log(
          `Housekeeping: deleted ${sessions} expired sessions, ${signInAttempts} old sign-in attempts, ` +
            `${idempotencyKeys} idempotency records.`,
        );
      }
    } catch (err) {
      // A failed round (database restarting, say) is tried again next time.
      if (!stopped) log(`Housekeeping failed, trying again in the next round: ${(err as Error).message}`);
    }
  };

  const firstDelay = options.firstDelayMs ?? Math.min(60_000, options.intervalMs);
  schedule(Math.floor(Math.random() * firstDelay));

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
