import { scryptAsync } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

/** scrypt's cost: 16 MiB and tens of milliseconds of CPU a hash, on purpose. */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1, dkLen: 32 } as const;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  dkLen: number;
}

/** Derives scrypt bytes. The one piece that differs between runtimes. */
export type ScryptFn = (password: string, salt: Uint8Array, params: ScryptParams) => Promise<Uint8Array>;

/**
 * Password hashing that never holds up other requests: hashing is CPU work of tens of
 * milliseconds, so it must not run in one block on the event loop. On Node the server passes
 * `node:crypto`'s scrypt, which runs on libuv's thread pool (see node-passwords.ts); the portable
 * default, for the browser demo and tests, is @noble/hashes' scryptAsync, which gives the event
 * loop a turn every few milliseconds. Both give the same bytes, so a hash made by one checks
 * with the other.
 */
export interface PasswordHasher {
  /** Hashes a password as `scrypt$N$r$p$salt$hash` (hex). */
  hash(password: string, salt?: Uint8Array): Promise<string>;
  /** Checks a password against a stored hash in constant time. */
  verify(password: string, stored: string): Promise<boolean>;
}

export function passwordHasher(derive: ScryptFn): PasswordHasher {
  return {
    async hash(password, salt = randomBytes(16)) {
      const hash = await derive(password.normalize('NFKC'), salt, SCRYPT_PARAMS);
      return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, bytesToHex(salt), bytesToHex(hash)].join('$');
    },
    async verify(password, stored) {
      const [algo, n, r, p, saltHex, hashHex] = stored.split('$');
      if (algo !== 'scrypt' || !n || !r || !p || !saltHex || !hashHex) return false;
      const expected = hexToBytes(hashHex);
      const actual = await derive(password.normalize('NFKC'), hexToBytes(saltHex), {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        dkLen: expected.length,
      });
      let diff = actual.length ^ expected.length;
      for (let i = 0; i < expected.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
      return diff === 0;
    },
  };
}

/** Pure JavaScript, for every runtime: yields to the event loop while it works. */
export const portablePasswords: PasswordHasher = passwordHasher((password, salt, params) =>
  scryptAsync(password, salt, { ...params, asyncTick: 4 }),
);
