// Node only: password hashing on worker threads of the lowest CPU priority, so sign-ins never
// stall the event loop.
import { Worker } from 'node:worker_threads';
import { passwordHasher, type PasswordHasher, type ScryptParams } from './sessions/passwords';

/**
 * How many hashes run at once; the rest wait their turn. Each runs on a worker thread of its own,
 * and on Linux that thread gives itself the lowest CPU priority (nice 19, which Linux keeps per
 * thread): when the cores are busy, the event loop's thread and the database come first, and a
 * burst of sign-ins waits a little longer instead of every other request waiting behind it.
 *
 * Measured on two cores, 20 sign-ins at once, /api/health asked every 20 ms: scrypt on libuv's
 * four-thread pool, which also serves Web Crypto's digests (every signed-in request hashes its
 * session token), zlib and file reads, held the health check's p99 at 420 ms; two at a time on
 * that pool, 53–111 ms, as the hashing threads still took the cores from the event loop.
 */
export const MAX_CONCURRENT_HASHES = 2;

/** The worker's code (CommonJS, evaluated): nothing to build or ship beside the server. */
const HASHING_THREAD = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
// setpriority on pid 0 names the calling thread on Linux; elsewhere it would name the process.
if (process.platform === 'linux') {
  try { require('node:os').setPriority(19); } catch {}
}
parentPort.on('message', ({ password, salt, N, r, p, dkLen }) => {
  try {
    const key = new Uint8Array(scryptSync(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }));
    parentPort.postMessage({ key }, [key.buffer]);
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

interface Job {
  message: ScryptParams & { password: string; salt: Uint8Array };
  resolve: (key: Uint8Array) => void;
  reject: (err: Error) => void;
}

export interface HashingThreads {
  derive(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array>;
  /** Ends the threads (they never keep the process alive while idle). */
  close(): Promise<void>;
}

/**
 * Up to `size` worker threads, started when first needed; jobs wait in order for a free one. A
 * thread holds the process open only while it works. A thread that dies fails its own job, and
 * the next job starts a new thread. `source` is for tests.
 */
export function hashingThreads(size: number, source = HASHING_THREAD): HashingThreads {
  const waiting: Job[] = [];
  const idle: Worker[] = [];
  const working = new Map<Worker, Job>();
  const threads = new Set<Worker>();
  let closed = false;

  function start(): Worker {
    const worker = new Worker(source, { eval: true });
    threads.add(worker);
    worker.on('message', (answer: { key?: Uint8Array; error?: string }) => {
      const job = working.get(worker);
      working.delete(worker);
      if (answer.key) job?.resolve(answer.key);
      else job?.reject(new Error(`scrypt failed: ${answer.error ?? 'no answer'}`));
      const next = waiting.shift();
      if (next) give(worker, next);
      else {
        worker.unref();
        idle.push(worker);
      }
    });
    const lost = (why: Error) => {
      if (!threads.delete(worker)) return; // 'error' is followed by 'exit'
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const job = working.get(worker);
      working.delete(worker);
      job?.reject(why);
      drain();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the hashing thread stopped (exit code ${code})`)));
    return worker;
  }

  function give(worker: Worker, job: Job): void {
    working.set(worker, job);
    worker.ref();
    worker.postMessage(job.message);
  }

  function drain(): void {
    while (!closed && waiting.length > 0 && (idle.length > 0 || threads.size < size)) {
      give(idle.pop() ?? start(), waiting.shift() as Job);
    }
  }

  return {
    derive(password, salt, { N, r, p, dkLen }) {
      return new Promise((resolve, reject) => {
        waiting.push({ message: { password, salt, N, r, p, dkLen }, resolve, reject });
        drain();
      });
    },
    async close() {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the hashing threads were closed'));
      await Promise.all([...threads].map((worker) => worker.terminate()));
    },
  };
}

const threads = hashingThreads(MAX_CONCURRENT_HASHES);

export const nodePasswords: PasswordHasher = passwordHasher((password, salt, params) => threads.derive(password, salt, params));
