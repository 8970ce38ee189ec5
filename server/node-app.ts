import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { Logger } from './logger';
import { randomToken } from './sessions/tokens';

export interface NodeAppOptions {
  /** The API from createApp(); it answers everything under /api (its own 404s included). */
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** The built SPA (vite build output). */
  distDir: string;
  /** Folder holding swagger-ui-dist's assets; defaults to the installed package. */
  swaggerUiDir?: string;
  /** Over HTTPS: also send Strict-Transport-Security. */
  hsts?: boolean;
  /** A line per request for what is served here (pages, assets); the API logs its own. */
  logger?: Logger;
}

// Scripts only from our origin (no inline, no eval); 'wasm-unsafe-eval' lets PGlite compile its
// WASM. Inline styles stay allowed: react-aria and Swagger UI position popovers with style="".
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

// Powerful features the app never uses, switched off for the page and anything it embeds, so an
// injected script or frame cannot ask for them either. Only names Chromium knows (an unknown one
// is dropped with a warning; e2e/server.spec.ts checks them against document.featurePolicy).
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'gamepad',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function securityHeaders(hsts: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    // A window we open, or that opens us, gets no handle on this one (no cross-window attacks);
    // our files and API answers are not for other sites to embed or read.
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** An address as the throttles key it: IPv4-mapped IPv6 as plain IPv4, no port or brackets;
 * null when it is not an IP address. */
export function normalizeAddress(raw: string): string | null {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1] ?? '';
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.toLowerCase();
  if (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : null;
}

/**
 * The client's address: the socket's peer, or with `trustedProxies` > 0 the X-Forwarded-For
 * entry that many hops out. Counted from the server: the socket is the nearest proxy, the
 * right-most entry is what that proxy saw, and so on; entries further left are the client's
 * own word and never believed. With fewer entries than hops, the left-most is taken.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trustedProxies: number,
): string | null {
  const socket = socketAddress ? normalizeAddress(socketAddress) : null;
  if (trustedProxies <= 0 || !socket) return socket;
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const outwards = [socket, ...entries.reverse()];
  const chosen = outwards[Math.min(trustedProxies, outwards.length - 1)] ?? socket;
  // A proxy we trust wrote something that is not an address: count the request against the
  // proxy rather than against a name anyone could vary.
  return normalizeAddress(chosen) ?? socket;
}

/** What createApp's `clientAddress` needs on Node: the address of the request the Node
 * adapter (@hono/node-server) received. */
export function nodeClientAddress(trustedProxies: number): (c: Context) => string | null {
  return (c) => {
    let socketAddress: string | undefined;
    try {
      socketAddress = getConnInfo(c).remote.address;
    } catch {
      return null; // not a request from a Node socket (e.g. app.request() in a test)
    }
    return clientAddress(socketAddress, c.req.header('X-Forwarded-For'), trustedProxies);
  };
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const SWAGGER_ASSET = /^swagger-ui(?:-[a-z-]+)?\.(?:css|js)$/;

function defaultSwaggerUiDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** serveStatic answers with the file's Response, or with nothing after calling next(). */
function withCacheControl(res: Response | void, value: string): Response | void {
  if (res instanceof Response && res.ok) res.headers.set('Cache-Control', value);
  return res;
}

/**
 * A validator for a file served as it is on disk: its size and modification time (what
 * serveStatic sent as Content-Length and Last-Modified) and the encoding, since the brotli and
 * gzip copies are other bytes. Cheap: no hashing of the body per request.
 */
function fileEtag(res: Response): string | null {
  const length = res.headers.get('Content-Length');
  const modified = Date.parse(res.headers.get('Last-Modified') ?? '');
  if (length === null || Number.isNaN(modified)) return null;
  const encoding = res.headers.get('Content-Encoding');
  return `"${Number(length).toString(36)}-${modified.toString(36)}${encoding ? `-${encoding}` : ''}"`;
}

/** `If-None-Match` holds the tag (or `*`): the browser's copy is current. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** Adds the ETag to a served file and turns it into a 304 when the browser already has it. */
async function withEtag(res: Response | void, ifNoneMatch: string | undefined): Promise<Response | void> {
  if (!(res instanceof Response) || res.status !== 200) return res;
  const etag = fileEtag(res);
  if (!etag) return res;
  res.headers.set('ETag', etag);
  if (!matches(ifNoneMatch, etag)) return res;
  await res.body?.cancel(); // closes the file stream serveStatic opened
  const headers = new Headers(res.headers);
  for (const h of ['Content-Length', 'Content-Type', 'Content-Encoding']) headers.delete(h);
  return new Response(null, { status: 304, headers });
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** A path that names a file (has an extension, or is a build asset) gets a 404 when missing
 * rather than the SPA's HTML: a browser asking for /assets/x.js must not receive a page. */
function looksLikeFile(path: string): boolean {
  if (path.startsWith('/assets/')) return true;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/** The Node server's request handling: security headers on every response, Swagger UI's
 * assets, the API under /api, and the built SPA with a fallback to index.html for deep links. */
export function createNodeApp(options: NodeAppOptions): Hono {
  const { app, distDir } = options;
  const headers = securityHeaders(options.hsts ?? false);
  const swaggerUiDir = options.swaggerUiDir ?? defaultSwaggerUiDir();
  const node = new Hono();

  const withSecurityHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    let res = c.res;
    try {
      for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    } catch {
      // Headers of some responses are immutable (e.g. from fetch()); copy and retry.
      res = new Response(res.body, res);
      for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
      c.res = res;
    }
  };
  node.use('*', withSecurityHeaders);

  // The API's requests are logged by the API (with their route and user); the rest here, as
  // one route, `static`: the path itself is not logged.
  const handedToApi = new WeakSet<Request>();
  const log = options.logger;
  if (log) {
    node.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      if (handedToApi.has(c.req.raw)) return;
      const requestId = randomToken(9);
      try {
        c.res.headers.set('X-Request-Id', requestId);
      } catch {
        // immutable headers (a fetch() response): the line still carries the id
      }
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      log.info({ requestId, method: c.req.method, route: 'static', status: c.res.status, durationMs }, 'request');
    });
  }

  // Swagger UI's files from the installed package; the docs page itself comes from createApp.
  node.get('/api/docs/assets/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!SWAGGER_ASSET.test(file)) return next();
    const res = await serveStatic({ root: swaggerUiDir, path: file })(c, next);
    return withCacheControl(res, 'public, max-age=3600');
  });

  // The API's reads, gzipped when the browser takes it: a page of 100 enrollments is ~57 KB of
  // JSON and ~6 KB gzipped, a third of a second on a slow phone connection. zlib streams on
  // libuv's thread pool, not the event loop. Writes and the session (its answer carries the CSRF
  // token) go as they are: an answer with a secret is never compressed beside input an attacker
  // could choose (BREACH).
  // A JSON answer is whole in memory: given its length, `compress` leaves those under 1 KiB as
  // they are (the health check, a count), which gzip would not shrink but would send through
  // the thread pool. Streams (a CSV export) have no length and are gzipped as they flow.
  const gzipReads = compress({ encoding: 'gzip', threshold: 1024 });
  const withLength = async (c: Context) => {
    if (!c.res.headers.get('Content-Type')?.startsWith('application/json') || c.res.headers.has('Content-Length')) return;
    const body = new Uint8Array(await c.res.arrayBuffer());
    c.res = new Response(body, c.res);
    c.res.headers.set('Content-Length', String(body.byteLength));
  };
  node.use('/api/*', (c, next) =>
    c.req.method === 'GET' && c.req.path !== '/api/session'
      ? gzipReads(c, async () => {
          await next();
          await withLength(c);
        })
      : next(),
  );

  node.all('*', async (c, next) => {
    if (!isApiPath(c.req.path)) return next();
    handedToApi.add(c.req.raw);
    return app.fetch(c.req.raw, c.env);
  });

  // Created on first use, once dist/ exists (serveStatic complains about a missing root).
  let distFiles: MiddlewareHandler | undefined;
  let indexHtml: MiddlewareHandler | undefined;
  const isBuilt = () => existsSync(join(distDir, 'index.html'));

  // `precompressed`: the build writes .br and .gz beside each text asset; the browser gets the
  // smallest it accepts (Vary: Accept-Encoding), and the file as it is otherwise.
  node.use('*', async (c, next) => {
    if (!isBuilt()) return next();
    distFiles ??= serveStatic({ root: distDir, precompressed: true });
    const res = await distFiles(c, next);
    const cached = withCacheControl(res, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    return withEtag(cached, c.req.header('If-None-Match'));
  });

  // SPA fallback: any other GET that isn't a file gets index.html, so deep links load the app.
  node.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (looksLikeFile(c.req.path)) return next();
    if (!isBuilt()) {
      return c.text('The web app is not built: run `npx vite build` (npm start does it for you).', 503);
    }
    indexHtml ??= serveStatic({ root: distDir, path: 'index.html', precompressed: true });
    return withEtag(withCacheControl(await indexHtml(c, next), REVALIDATE), c.req.header('If-None-Match'));
  });

  node.notFound((c) => c.text('Not found', 404));
  return node;
}
