// Sign-in throttling: the rules, with no I/O. The counters live in the database
// (sign_in_attempts), so every instance of the server sees the same ones.

/** Failed sign-ins to one account from one address. Keyed by the pair, so failures from an
 * attacker's address never lock the account's owner out elsewhere. */
export interface SignInLimit {
  /** Failures of the pair in a window after which the pair is refused until the window ends. */
  maxFailures: number;
  windowSeconds: number;
}

/** Failed sign-ins from one address, whatever the accounts: one client guessing many emails. */
export interface AddressLimit {
  /** Failures in a window after which each further attempt waits: 1 s, then doubling. */
  slowAfter: number;
  /** The longest such wait. */
  maxDelaySeconds: number;
  /** Failures in a window after which the address is refused until the window ends. */
  maxFailures: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { maxFailures: 10, windowSeconds: 15 * 60 };
// 10 quick failures, then waits of 1, 2, 4, 8, 16 and 30 s, refused at 30: about 8 minutes
// into a window, for the rest of it. A client gets at most 30 guesses a quarter of an hour.
export const DEFAULT_ADDRESS_LIMIT: AddressLimit = {
  slowAfter: 10,
  maxDelaySeconds: 30,
  maxFailures: 30,
  windowSeconds: 15 * 60,
};

/** A key's counter as stored: failures since the window started, and the latest one. */
export interface FailureCount {
  failures: number;
  windowStart: Date;
  lastFailureAt: Date;
}

/** The client a runtime did not name (the in-page demo, a test calling the app directly). */
const UNKNOWN_CLIENT = 'unknown';

/**
 * The address as throttling counts it. An IPv6 client usually holds a whole /64 and can pick
 * any address in it, so IPv6 addresses count per /64.
 */
export function clientKey(address: string | null): string {
  if (!address) return UNKNOWN_CLIENT;
  if (!address.includes(':')) return address;
  const prefix = ipv6Prefix64(address);
  return prefix ?? address;
}

function ipv6Prefix64(address: string): string | null {
  let a = address.toLowerCase().replace(/%.*$/, '');
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (v4) {
    const [b0, b1, b2, b3] = v4.slice(1).map(Number) as [number, number, number, number];
    a = `${a.slice(0, v4.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups = halves.length === 2 ? [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The database keys of one sign-in: the account from this client, and the client. */
export function throttleKeys(email: string, address: string | null): { account: string; address: string } {
  const client = clientKey(address);
  return { account: `account|${email}|${client}`, address: `address|${client}` };
}

/** The count when it belongs to the current window, else null (an old window counts nothing). */
export function current(count: FailureCount | undefined, windowSeconds: number, now: Date): FailureCount | null {
  if (!count) return null;
  return count.windowStart.getTime() > now.getTime() - windowSeconds * 1000 ? count : null;
}

const secondsUntil = (at: number, now: Date) => Math.max(1, Math.ceil((at - now.getTime()) / 1000));

/** Seconds the account+address pair must wait before trying again, or null when it may try. */
export function accountWait(count: FailureCount | null, limit: SignInLimit, now: Date): number | null {
  if (!count || count.failures < limit.maxFailures) return null;
  return secondsUntil(count.windowStart.getTime() + limit.windowSeconds * 1000, now);
}

/** Seconds the address must wait before trying again (slowed, then refused), or null. */
export function addressWait(count: FailureCount | null, limit: AddressLimit, now: Date): number | null {
  if (!count || count.failures < limit.slowAfter) return null;
  if (count.failures >= limit.maxFailures) {
    return secondsUntil(count.windowStart.getTime() + limit.windowSeconds * 1000, now);
  }
  const delay = Math.min(2 ** (count.failures - limit.slowAfter), limit.maxDelaySeconds);
  const next = count.lastFailureAt.getTime() + delay * 1000;
  return next > now.getTime() ? secondsUntil(next, now) : null;
}
