// The real Node server (`server/main.ts`, production mode, the built SPA in dist/) in its own
// process, for the benchmarks that meet it over HTTP as people do (load, Lighthouse).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildSpaIfStale } from '../server/dev-build';
import { DEMO_PASSWORD } from '../server/store/seed/demo-users';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Starts the server of the checkout at `root` (this one by default) on `port` with `env` (its
 * store) and waits until it answers; builds the SPA first when dist/ is missing or stale. */
export async function startServer(env: Record<string, string>, port: number, root = ROOT): Promise<ChildProcess> {
  buildSpaIfStale(root);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SKIP_BUILD: 'true', NODE_ENV: 'production', LOG_LEVEL: 'warn', TRUST_PROXY: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`The server did not become ready in 180 s: ${stderr}`);
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Signs in with the demo password; `from` is the client's address as a proxy in front of the
 * server names it (the server started here trusts one proxy). */
export async function signIn(base: string, email: string, from = '192.0.2.1'): Promise<string> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'bench', 'X-Forwarded-For': from },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in as ${email}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
