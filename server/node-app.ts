import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

export interface NodeAppOptions {
  /** The API from createApp(); it answers everything under /api (its own 404s included). */
  app: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** The built SPA (vite build output). */
  distDir: string;
  /** Folder holding swagger-ui-dist's assets; defaults to the installed package. */
  swaggerUiDir?: string;
  /** Over HTTPS: also send Strict-Transport-Security. */
  hsts?: boolean;
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

export function securityHeaders(hsts: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    ...(hsts ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
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

  // Swagger UI's files from the installed package; the docs page itself comes from createApp.
  node.get('/api/docs/assets/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!SWAGGER_ASSET.test(file)) return next();
    const res = await serveStatic({ root: swaggerUiDir, path: file })(c, next);
    return withCacheControl(res, 'public, max-age=3600');
  });

  node.all('*', async (c, next) => {
    if (!isApiPath(c.req.path)) return next();
    return app.fetch(c.req.raw, c.env);
  });

  // Created on first use, once dist/ exists (serveStatic complains about a missing root).
  let distFiles: MiddlewareHandler | undefined;
  let indexHtml: MiddlewareHandler | undefined;
  const isBuilt = () => existsSync(join(distDir, 'index.html'));

  node.use('*', async (c, next) => {
    if (!isBuilt()) return next();
    distFiles ??= serveStatic({ root: distDir });
    const res = await distFiles(c, next);
    return withCacheControl(res, c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
  });

  // SPA fallback: any other GET that isn't a file gets index.html, so deep links load the app.
  node.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (looksLikeFile(c.req.path)) return next();
    if (!isBuilt()) {
      return c.text('The web app is not built: run `npx vite build` (npm start does it for you).', 503);
    }
    indexHtml ??= serveStatic({ root: distDir, path: 'index.html' });
    return withCacheControl(await indexHtml(c, next), REVALIDATE);
  });

  node.notFound((c) => c.text('Not found', 404));
  return node;
}
