import { describe, expect, it } from 'vitest';
import { nodePasswords } from './node-passwords';
import { portablePasswords } from './sessions/passwords';

describe('password hashing', () => {
  it('gives the same hash on the thread pool as in pure JavaScript, so either checks the other', async () => {
    const salt = new Uint8Array(16).fill(7);
    const node = await nodePasswords.hash('correct horse battery', salt);
    expect(node).toBe(await portablePasswords.hash('correct horse battery', salt));
    expect(node).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(await portablePasswords.verify('correct horse battery', node)).toBe(true);
    expect(await nodePasswords.verify('correct horse battery', await portablePasswords.hash('correct horse battery'))).toBe(true);
    expect(await nodePasswords.verify('wrong horse battery', node)).toBe(false);
    expect(await nodePasswords.verify('anything', 'not-a-hash')).toBe(false);
  });

  it('leaves the event loop free while twenty hashes run', async () => {
    // A timer due every 5 ms: with hashing on the event loop it would wait for each whole hash.
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => nodePasswords.hash(`password ${i}`)));
    const took = performance.now() - started;
    clearInterval(timer);
    // Twenty hashes take far longer than the longest pause the timer saw.
    expect(took).toBeGreaterThan(4 * longestGap);
  });
});
