import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
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

export function systemRoutes(app: Hono<AppEnv>, deps: { db: Db; version: string }): void {
  register(app, api.health, async () => {
    await deps.db.query('SELECT 1');
    return { status: 'ok' as const, store: deps.db.kind, version: deps.version };
  });

  let doc: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/api/openapi.json', (c) => c.json((doc ??= buildOpenApi(deps.version))));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/assets/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
}
