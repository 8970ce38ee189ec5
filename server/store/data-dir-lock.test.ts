import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ABANDONED_AFTER_MS, DataDirInUse, LOCK_FILE, lockDataDir, type DataDirLock } from './data-dir-lock';
import { startServer, type ServerProcess } from './server-process';

const dirs: string[] = [];
const locks: DataDirLock[] = [];
const servers: ServerProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sd-data-'));
  dirs.push(dir);
  return dir;
}

function writeOwner(dir: string, owner: { pid: number; host?: string }, touchedMsAgo = 0): void {
  const file = join(dir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ host: hostname(), since: '2026-01-01T00:00:00.000Z', ...owner }));
  const at = new Date(Date.now() - touchedMsAgo);
  utimesSync(file, at, at);
}

const ownerPid = (dir: string) => (JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  for (const lock of locks.splice(0)) lock.release();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded data folder lock', () => {
  test('is taken with our pid and released on request', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    locks.push(lock);
    expect(ownerPid(dir)).toBe(process.pid);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  test('is refused while its owner runs, naming it', () => {
    const dir = tempDir();
    writeOwner(dir, { pid: process.ppid }); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirInUse);
    expect(() => lockDataDir(dir)).toThrow(`The data folder ${dir} is in use by another Sequence Desk server (pid ${process.ppid}`);
    expect(ownerPid(dir)).toBe(process.ppid);
  });

  test('is taken over when its owner is gone', () => {
    const dir = tempDir();
    writeOwner(dir, { pid: deadPid() });
    locks.push(lockDataDir(dir));
    expect(ownerPid(dir)).toBe(process.pid);
  });

  test('from another host: held while touched, taken over once abandoned', () => {
    const dir = tempDir();
    writeOwner(dir, { pid: process.ppid, host: 'elsewhere' });
    expect(() => lockDataDir(dir)).toThrow('(pid');
    writeOwner(dir, { pid: process.ppid, host: 'elsewhere' }, ABANDONED_AFTER_MS + 5_000);
    locks.push(lockDataDir(dir));
    expect(ownerPid(dir)).toBe(process.pid);
  });

  test('a release leaves alone a lock that another process holds by now', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    writeOwner(dir, { pid: process.ppid }); // broken by hand and taken by another
    lock.release();
    expect(ownerPid(dir)).toBe(process.ppid);
  });

  test('a second server on the folder refuses to start; the first keeps serving, and frees it on exit', async () => {
    const dir = tempDir();
    const env = { DATA_DIR: dir, DATABASE_URL: '', SEED_DATASET: 'none' };
    const first = startServer(env);
    servers.push(first);
    const base = await first.ready;

    const second = startServer(env);
    servers.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dir} is in use by another Sequence Desk server (pid ${first.child.pid}`);
    expect(second.output()).toContain('An embedded database cannot be shared');

    // The first still answers from its database.
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'pglite' });
    expect(ownerPid(dir)).toBe(first.child.pid);

    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
