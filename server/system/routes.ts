import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { HealthResponse } from '../../src/contract/health';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import type { Logger } from '../logger';
import type { Db } from '../store/db';
import { buildOpenApi } from '../openapi';

// The reference UI loads its assets from /api/docs/assets/ (served by the Node server from
// swagger-ui-dist); no inline script, so it works under the Content-Security-Policy.
const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sequence Desk API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" aria-label="Sequence Desk API reference"></main>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** How long the health check waits for the database: less than a load balancer's usual
 * timeout, so it hears a clear 503 rather than nothing. */
export const HEALTH_TIMEOUT_MS = 2_000;

type DatabaseCheck = HealthResponse['checks']['database'];

/** A cheap query, given at most `timeoutMs`. Never throws: a failure is a result. */
async function checkDatabase(db: Db, timeoutMs: number): Promise<{ check: DatabaseCheck; cause?: unknown }> {
  const started = performance.now();
  const took = () => Math.round((performance.now() - started) * 10) / 10;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer = await Promise.race([db.query('SELECT 1 AS ok'), timeout]);
    if (answer === 'timeout') return { check: { status: 'failing', durationMs: took(), error: 'timeout' } };
    return { check: { status: 'ok', durationMs: took() } };
  } catch (cause) {
    return { check: { status: 'failing', durationMs: took(), error: 'unreachable' }, cause };
  } finally {
    clearTimeout(timer);
  }
}

export function systemRoutes(
  app: Hono<AppEnv>,
  deps: { db: Db; version: string; log: Logger; healthTimeoutMs?: number },
): void {
  register(app, api.health, async ({ c }) => {
    const { check, cause } = await checkDatabase(deps.db, deps.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
    const body = { store: deps.db.kind, version: deps.version, checks: { database: check } };
    if (check.status === 'ok') return { status: 'ok' as const, ...body };
    // The reason goes to the log, not to whoever asks: a driver's message may name hosts.
    deps.log.warn(
      { requestId: c.get('requestId'), check: 'database', error: check.error, ...(cause ? { err: cause } : {}) },
      'health check failed',
    );
    return c.json(HealthResponse.parse({ status: 'unavailable', ...body }), 503);
  });

  let doc: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/api/openapi.json', (c) => c.json((doc ??= buildOpenApi(deps.version))));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/assets/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
}
