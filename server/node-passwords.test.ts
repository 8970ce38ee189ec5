import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { hashingThreads, nodePasswords } from './node-passwords';
import { portablePasswords, SCRYPT_PARAMS } from './sessions/passwords';

describe('password hashing', () => {
  it('gives the same hash on its threads as in pure JavaScript, so either checks the other', async () => {
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

/** The nice value of a thread of this process (Linux): field 19 of its stat line. */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe('hashing threads', () => {
  it.runIf(process.platform === 'linux')('hash at the lowest CPU priority while the thread that asked keeps its own', async () => {
    await nodePasswords.hash('correct horse');
    const mine = niceOf('/proc/thread-self/stat');
    const all = readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`));
    expect(all).toContain(19);
    expect(mine).toBeLessThan(19);
  });

  it('run at most `size` jobs at once, each to its end', async () => {
    // A stand-in thread that answers with its own id after a few milliseconds.
    const threads = hashingThreads(
      2,
      `const { parentPort, threadId } = require('node:worker_threads');
       parentPort.on('message', () => setTimeout(() => parentPort.postMessage({ key: new Uint8Array([threadId]) }), 5));`,
    );
    try {
      const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => threads.derive(`p${i}`, new Uint8Array(1), SCRYPT_PARAMS)));
      expect(answers).toHaveLength(7);
      expect(new Set(answers.map((key) => key[0])).size).toBe(2);
    } finally {
      await threads.close();
    }
  });

  it('fail only the job whose thread died, and start a new thread for the next', async () => {
    const threads = hashingThreads(
      1,
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', ({ password }) => password === 'die' ? process.exit(3) : parentPort.postMessage({ key: new Uint8Array([1]) }));`,
    );
    try {
      const dying = threads.derive('die', new Uint8Array(1), SCRYPT_PARAMS);
      const next = threads.derive('live', new Uint8Array(1), SCRYPT_PARAMS);
      await expect(dying).rejects.toThrow(/exit code 3/);
      await expect(next).resolves.toEqual(new Uint8Array([1]));
    } finally {
      await threads.close();
    }
  });

  it('check every password when many people sign in at once', async () => {
    const stored = await nodePasswords.hash('correct horse');
    const checks = await Promise.all(Array.from({ length: 6 }, (_, i) => nodePasswords.verify(i % 2 ? 'correct horse' : 'wrong', stored)));
    expect(checks).toEqual([false, true, false, true, false, true]);
  });
});
