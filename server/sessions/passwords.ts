import { scrypt } from '@noble/hashes/scrypt.js';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';

// scrypt in pure JS so that the same code runs in Node and in the browser (demo mode).
const PARAMS = { N: 2 ** 14, r: 8, p: 1, dkLen: 32 } as const;

/** Hashes a password as `scrypt$N$r$p$salt$hash` (hex). */
export function hashPassword(password: string, salt: Uint8Array = randomBytes(16)): string {
  const hash = scrypt(password.normalize('NFKC'), salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, bytesToHex(salt), bytesToHex(hash)].join('$');
}

/** Checks a password against a stored hash in constant time. */
export function verifyPassword(password: string, stored: string): boolean {
  const [algo, n, r, p, saltHex, hashHex] = stored.split('$');
  if (algo !== 'scrypt' || !n || !r || !p || !saltHex || !hashHex) return false;
  const expected = hexToBytes(hashHex);
  const actual = scrypt(password.normalize('NFKC'), hexToBytes(saltHex), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length,
  });
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
