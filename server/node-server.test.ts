// The real API behind the Node adapter, over real sockets: what only a listening server shows
// (the client's address from the socket or X-Forwarded-For, a chunked upload cut mid-stream).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../src/contract/routes';
import { createApp } from './app';
import { createNodeApp, nodeClientAddress } from './node-app';
import type { Db } from './store/db';
import { DEMO_PASSWORD } from './store/seed/demo-users';
import { openSeededDb } from './store/test-db';

let db: Db;
const servers: ServerType[] = [];

/** The API as `npm start` serves it, trusting `trustProxy` proxies, on a free port. */
async function listen(trustProxy: number): Promise<number> {
  const api = createApp({
    db,
    version: 'test',
    clientAddress: nodeClientAddress(trustProxy),
    signInLimit: { maxFailures: 2, windowSeconds: 900 },
  });
  const app = createNodeApp({ app: api, distDir: '/nonexistent' });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    servers.push(server);
  });
}

beforeAll(async () => {
  db = await openSeededDb();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await db.close();
});

function signIn(port: number, email: string, password: string, forwardedFor?: string) {
  return fetch(`http://127.0.0.1:${port}/api/session`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-CSRF-Token': 'sign-in',
      ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
    },
    body: JSON.stringify({ email, password }),
  });
}

describe('the client address through the Node adapter', () => {
  it('with TRUST_PROXY=1, throttles the address the proxy saw, not what the client claims', async () => {
    const port = await listen(1);
    const attacker = '203.0.113.7';
    expect((await signIn(port, 'manager@example.com', 'bad', attacker)).status).toBe(401);
    expect((await signIn(port, 'manager@example.com', 'bad', attacker)).status).toBe(401);
    const blocked = await signIn(port, 'manager@example.com', DEMO_PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Prepending another address does not help: the proxy appended the real one on the right.
    expect((await signIn(port, 'manager@example.com', DEMO_PASSWORD, `198.51.100.20, ${attacker}`)).status).toBe(429);
    // The owner, from another address behind the same proxy, signs in.
    expect((await signIn(port, 'manager@example.com', DEMO_PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('with TRUST_PROXY off, ignores X-Forwarded-For and uses the socket address', async () => {
    const port = await listen(0);
    expect((await signIn(port, 'rep@example.com', 'bad', '203.0.113.7')).status).toBe(401);
    expect((await signIn(port, 'rep@example.com', 'bad', '203.0.113.8')).status).toBe(401);
    // Claiming a third address changes nothing: all three came from 127.0.0.1.
    expect((await signIn(port, 'rep@example.com', DEMO_PASSWORD, '198.51.100.20')).status).toBe(429);
    const rows = await db.query<{ key: string }>("SELECT key FROM sign_in_attempts WHERE key LIKE 'account|rep@%'");
    expect(rows.map((r) => r.key)).toEqual(['account|rep@example.com|127.0.0.1']);
  });
});

describe('request bodies on a real socket', () => {
  /** Sends a chunked body (no Content-Length) until the server answers; returns the answer
   * and how much had been sent by then. Gives up at `maxBytes`. */
  function streamUntilAnswered(port: number, maxBytes: number) {
    return new Promise<{ status: number; body: string; sent: number; finished: boolean }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/api/session',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', 'Transfer-Encoding': 'chunked' },
      });
      req.on('response', (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, sent, finished: sent >= maxBytes });
          req.destroy();
        });
      });
      req.on('error', (err) => {
        if (!answered) reject(err);
      });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = () => {
        if (answered || req.destroyed) return;
        if (sent >= maxBytes) return void req.end();
        sent += chunk.length;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      req.write('{"email": "rep@example.com", "password": "');
      pump();
    });
  }

  it('cuts a chunked upload at the limit with a 413 JSON error, long before it ends', async () => {
    const port = await listen(0);
    const max = 64 * 1024 * 1024;
    const res = await streamUntilAnswered(port, max);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining(String(DEFAULT_MAX_BODY_BYTES)) } });
    expect(res.finished).toBe(false);
    // What was in flight when the answer came: the limit plus the sockets' buffers (a few MB
    // on loopback), nowhere near the 64 MB the client would have sent.
    expect(res.sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('reads a chunked body within the limit', async () => {
    const port = await listen(0);
    const res = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/session',
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'sign-in', 'Transfer-Encoding': 'chunked' },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"email": "admin@example.com", ');
      req.write(`"password": "${DEMO_PASSWORD}"}`);
      req.end();
    });
    expect(res).toBe(200);
  });
});
