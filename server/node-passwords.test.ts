import { describe, expect, it } from 'vitest';
import { gate, MAX_CONCURRENT_HASHES, nodePasswords } from './node-passwords';
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

describe('gate', () => {
  it('runs at most `limit` tasks at once and every task to its end, in the order given', async () => {
    const run = gate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        run(async () => {
          started.push(i);
          running++;
          most = Math.max(most, running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          return i * 10;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('lets the next task start when one fails', async () => {
    const run = gate(1);
    const failed = run(() => Promise.reject(new Error('no')));
    const next = run(() => Promise.resolve('yes'));
    await expect(failed).rejects.toThrow('no');
    await expect(next).resolves.toBe('yes');
  });
});

describe('hashes at once', () => {
  it('leave threads of the pool free while many people sign in at once, and every password is checked', async () => {
    expect(MAX_CONCURRENT_HASHES).toBeLessThan(4); // libuv's default pool
    const stored = await nodePasswords.hash('correct horse');
    const checks = await Promise.all(Array.from({ length: 6 }, (_, i) => nodePasswords.verify(i % 2 ? 'correct horse' : 'wrong', stored)));
    expect(checks).toEqual([false, true, false, true, false, true]);
  });
});
