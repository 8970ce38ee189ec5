// Node only: password hashing on libuv's thread pool, so sign-ins never stall the event loop.
import { scrypt } from 'node:crypto';
import { passwordHasher, type PasswordHasher } from './sessions/passwords';

export const nodePasswords: PasswordHasher = passwordHasher(
  (password, salt, { N, r, p, dkLen }) =>
    new Promise((resolve, reject) => {
      // maxmem: scrypt needs 128·N·r bytes (16 MiB here); Node's default ceiling is 32 MiB.
      scrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }, (err, key) =>
        err ? reject(err) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
      );
    }),
);
