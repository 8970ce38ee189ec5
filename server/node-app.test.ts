import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, createNodeApp, normalizeAddress } from './node-app';

const INDEX = '<!doctype html><title>Sequence Desk</title><div id="root"></div>';
const SECRET = 'top secret outside dist';
const ROWS = Array.from({ length: 200 }, (_, i) => ({ id: String(i), name: `Contact ${i}`, status: 'active' }));
const BIG_SCRIPT = 'export const rows = [' + Array.from({ length: 500 }, (_, i) => `{ id: ${i} }`).join(', ') + '];';

let root: string;
let distDir: string;

// Stands in for createApp(): node-app must hand /api to it untouched, 404s included.
function fakeApi() {
  const api = new Hono();
  api.get('/api/health', (c) => c.json({ status: 'ok', store: 'pglite', version: 'test' }));
  api.get('/api/rows', (c) => c.json({ items: ROWS }));
  api.get('/api/session', (c) => c.json({ user: null, csrfToken: 'x'.repeat(2000) }));
  api.post('/api/rows', (c) => c.json({ items: ROWS }));
  api.post('/api/echo', async (c) => c.json({ got: await c.req.json() }));
  api.get('/api/docs/assets/init.js', (c) => c.body('/* init */', 200, { 'Content-Type': 'text/javascript' }));
  // Response.redirect() has immutable headers, as a fetch() response would.
  api.get('/api/moved', () => Response.redirect('http://localhost/api/health', 302));
  api.notFound((c) => c.json({ error: { code: 'not_found', message: 'Not found', requestId: 'r1' } }, 404));
  return api;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'node-app-'));
  distDir = join(root, 'dist');
  mkdirSync(join(distDir, 'assets'), { recursive: true });
  writeFileSync(join(distDir, 'index.html'), INDEX);
  writeFileSync(join(distDir, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
  // What the build writes beside a text asset: its brotli and gzip copies.
  writeFileSync(join(distDir, 'assets', 'app-Zz99Yy88.js'), BIG_SCRIPT);
  writeFileSync(join(distDir, 'assets', 'app-Zz99Yy88.js.br'), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(distDir, 'assets', 'app-Zz99Yy88.js.gz'), gzipSync(BIG_SCRIPT));
  writeFileSync(join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'secret.txt'), SECRET);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  const permissions = res.headers.get('permissions-policy') ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
    expect(permissions).toContain(`${feature}=()`);
  }
}

describe('createNodeApp', () => {
  const app = () => createNodeApp({ app: fakeApi(), distDir });

  it('serves index.html on / with security headers and no-cache', async () => {
    const res = await app().request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
    expectSecurityHeaders(res);
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('answers a deep link with index.html so the SPA can route it', async () => {
    for (const path of ['/sequences/3', '/sign-in', '/contacts/42?tab=x']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(INDEX);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expectSecurityHeaders(res);
    }
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await app().request('/assets/index-Ab12Cd34.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1)');
    expectSecurityHeaders(res);
  });

  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, the file to others', async () => {
    const path = '/assets/app-Zz99Yy88.js';
    const br = await app().request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(BIG_SCRIPT.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(BIG_SCRIPT);

    const gz = await app().request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(BIG_SCRIPT);

    const plain = await app().request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG_SCRIPT);
    // Each form has its own validator: a cache must not answer a gzip request with brotli bytes.
    expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
  });

  it('answers 304 without a body when the browser already has the file, and 200 when it changed', async () => {
    for (const path of ['/', '/sequences/1', '/assets/index-Ab12Cd34.js']) {
      const first = await app().request(path);
      const etag = first.headers.get('etag');
      expect(etag, path).toMatch(/^".+"$/);
      const again = await app().request(path, { headers: { 'If-None-Match': etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(etag);
      expectSecurityHeaders(again);
      const stale = await app().request(path, { headers: { 'If-None-Match': '"something-else"' } });
      expect(stale.status, path).toBe(200);
    }
  });

  it('revalidates unhashed files outside /assets', async () => {
    const res = await app().request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('gives a 404, not the page, for a missing file', async () => {
    for (const path of ['/assets/index-gone.js', '/robots.txt']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('<title>');
      expectSecurityHeaders(res);
    }
  });

  it('hands /api to the API, with security headers', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'pglite', version: 'test' });
    expectSecurityHeaders(res);

    const post = await app().request('/api/echo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(await post.json()).toEqual({ got: { a: 1 } });
    expectSecurityHeaders(post);
  });

  it('gzips API reads for a browser that takes gzip, and nothing else', async () => {
    const gzipped = await app().request('/api/rows', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString('utf8'))).toEqual({ items: ROWS });
    expect(bytes.length).toBeLessThan(JSON.stringify({ items: ROWS }).length / 4);
    expectSecurityHeaders(gzipped);

    // Under 1 KiB, gzip would not shrink it: sent as it is.
    const small = await app().request('/api/health', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ status: 'ok', store: 'pglite', version: 'test' });

    const plain = await app().request('/api/rows');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual({ items: ROWS });

    // Writes, and the session's answer with its CSRF token, are never compressed.
    const write = await app().request('/api/rows', { method: 'POST', headers: { 'Accept-Encoding': 'gzip' } });
    expect(write.headers.get('content-encoding')).toBeNull();
    const session = await app().request('/api/session', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(session.headers.get('content-encoding')).toBeNull();
    expect(await session.json()).toMatchObject({ user: null });
  });

  it("leaves unknown /api paths to the API's JSON 404, never the SPA", async () => {
    for (const path of ['/api/nope', '/api', '/api/sequences/1/nothing']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/);
      expect(await res.json(), path).toMatchObject({ error: { code: 'not_found' } });
      expectSecurityHeaders(res);
    }
  });

  it('adds headers even to responses with immutable headers', async () => {
    const res = await app().request('/api/moved');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://localhost/api/health');
    expectSecurityHeaders(res);
  });

  it('serves Swagger UI assets from the package and leaves init.js to the API', async () => {
    const css = await app().request('/api/docs/assets/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expectSecurityHeaders(css);

    const js = await app().request('/api/docs/assets/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);

    const init = await app().request('/api/docs/assets/init.js');
    expect(await init.text()).toBe('/* init */');

    for (const path of ['/api/docs/assets/package.json', '/api/docs/assets/..%2fpackage.json']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('sends HSTS only when asked to', async () => {
    const secure = createNodeApp({ app: fakeApi(), distDir, hsts: true });
    for (const path of ['/', '/api/health']) {
      const res = await secure.request(path);
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=\d+/);
    }
  });

  it('refuses other methods outside /api', async () => {
    const res = await app().request('/sequences', { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
  });

  it('says the SPA is not built when dist has no index.html', async () => {
    const empty = createNodeApp({ app: fakeApi(), distDir: join(root, 'missing-dist') });
    const res = await empty.request('/sequences');
    expect(res.status).toBe(503);
    expectSecurityHeaders(res);
    expect((await empty.request('/api/health')).status).toBe(200);
  });
});

describe('createNodeApp over HTTP', () => {
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    const app = createNodeApp({ app: fakeApi(), distDir });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  // Raw request paths, as a hostile client sends them (fetch() would normalise the dots away).
  function rawGet(path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('refuses path traversal out of dist', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//secret.txt',
    ]) {
      const res = await rawGet(path);
      expect(res.body, path).not.toContain(SECRET);
    }
  });

  it('serves the SPA and the API over a real socket', async () => {
    const page = await rawGet('/sequences/1');
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX);
    const health = await rawGet('/api/health');
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
  });
});

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7');
    expect(clientAddress(undefined, '198.51.100.1', 0)).toBeNull();
  });

  it('counts trusted proxies from the server outwards and ignores what the client prepended', () => {
    // TRUST_PROXY=1: the right-most entry, written by the one proxy.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.1', 1)).toBe('198.51.100.1');
    // TRUST_PROXY=2: a CDN, then a load balancer (the socket).
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.1, 192.0.2.50', 2)).toBe('198.51.100.1');
    // Fewer entries than trusted hops: the left-most there is.
    expect(clientAddress('10.0.0.2', '198.51.100.1', 3)).toBe('198.51.100.1');
    // A trusted proxy that sent no header: the socket.
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });

  it('normalises ports, brackets and IPv4-mapped IPv6, and refuses what is not an address', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.1:5123', 1)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '[2001:db8::1]:443', 1)).toBe('2001:db8::1');
    expect(clientAddress('10.0.0.2', 'unknown', 1)).toBe('10.0.0.2');
    expect(normalizeAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(normalizeAddress('not an address')).toBeNull();
  });
});
