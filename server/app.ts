import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { routePath } from 'hono/route';
import { DEMO_SESSION_HEADER, SESSION_COOKIE } from '../src/contract/auth';
import type { ErrorBody } from '../src/contract/errors';
import { type AppDeps, systemClock } from './deps';
import type { AppEnv, Integration, Session } from './http/context';
import { HttpError } from './http/errors';
import { consoleLogger } from './logger';
import { resolveSession } from './sessions/service';
import { randomToken } from './sessions/tokens';
import { accountRoutes } from './account/routes';
import { contactRoutes } from './contacts/routes';
import { emailHealthRoutes } from './email-health/routes';
import { enrollmentRoutes } from './enrollments/routes';
import { forecastRoutes } from './forecast/routes';
import { attentionRoutes } from './attention/routes';
import { DEFAULT_INGEST_LIMIT, ingestRoutes } from './ingest/routes';
import { inboxRoutes } from './inboxes/routes';
import { integrationRoutes } from './integrations/routes';
import { resolveIntegrationKey } from './integrations/service';
import { marketingEmailRoutes } from './marketing-email/routes';
import { probationRoutes } from './probation/routes';
import { sequenceRoutes } from './sequences/routes';
import { portablePasswords } from './sessions/passwords';
import { authRoutes } from './sessions/routes';
import { DEFAULT_ADDRESS_LIMIT, DEFAULT_SIGN_IN_LIMIT } from './sessions/throttle';
import { systemRoutes } from './system/routes';
import { DEFAULT_USER_LIMITS } from './users/service';
import { userRoutes } from './users/routes';

/**
 * The whole API as a Hono app. Runtime-neutral (no Node-only imports): the Node server,
 * the in-page demo (MSW) and the tests all run this same factory.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const clock = deps.clock ?? systemClock;
  const newRequestId = deps.randomToken ?? (() => randomToken(9));
  const acceptSessionHeader = deps.acceptSessionHeader ?? false;
  const log = deps.logger ?? consoleLogger;
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = newRequestId();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    c.header('Cache-Control', 'no-store');
    c.set('clientAddress', deps.clientAddress?.(c) ?? null);
    const token =
      getCookie(c, SESSION_COOKIE) ?? (acceptSessionHeader ? c.req.header(DEMO_SESSION_HEADER) : undefined);
    let session: Promise<Session | null> | undefined;
    let integration: Promise<Integration | null> | undefined;
    c.set('credentials', {
      session: () => (session ??= resolveSession(deps.db, clock, token)),
      integration: () => (integration ??= resolveIntegrationKey(deps.db, clock, c.req.header('Authorization'))),
    });
    const ownRoute = routePath(c);
    await next();
    // One line per request. The route pattern, never the raw path: a path or query string may
    // carry search terms, and patterns group the lines per endpoint. Who asked is known only
    // when the endpoint looked it up; it is not looked up for the log.
    const route = routePath(c);
    log.info(
      {
        requestId,
        method: c.req.method,
        route: route === ownRoute ? null : route,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(await whoAsked(session, integration)),
      },
      'request',
    );
  });

  systemRoutes(app, { db: deps.db, version: deps.version ?? '0.0.0', log, healthTimeoutMs: deps.healthTimeoutMs });
  authRoutes(app, {
    db: deps.db,
    clock,
    limits: {
      account: deps.signInLimit ?? DEFAULT_SIGN_IN_LIMIT,
      address: deps.addressLimit ?? DEFAULT_ADDRESS_LIMIT,
    },
    secureCookies: deps.secureCookies ?? false,
    acceptSessionHeader,
    passwords: deps.passwords ?? portablePasswords,
  });
  userRoutes(app, {
    db: deps.db,
    clock,
    passwords: deps.passwords ?? portablePasswords,
    limits: deps.userLimits ?? DEFAULT_USER_LIMITS,
    secureCookies: deps.secureCookies ?? false,
    acceptSessionHeader,
  });
  sequenceRoutes(app, { db: deps.db, clock });
  enrollmentRoutes(app, { db: deps.db, clock });
  attentionRoutes(app, { db: deps.db, clock });
  contactRoutes(app, { db: deps.db, clock });
  inboxRoutes(app, { db: deps.db });
  integrationRoutes(app, { db: deps.db, clock });
  ingestRoutes(app, { db: deps.db, clock, limit: deps.ingestLimit ?? DEFAULT_INGEST_LIMIT });
  accountRoutes(app, { db: deps.db, clock });
  emailHealthRoutes(app, { db: deps.db, clock });
  marketingEmailRoutes(app, { db: deps.db, clock });
  probationRoutes(app, { db: deps.db, clock });
  forecastRoutes(app, { db: deps.db, clock });

  app.notFound((c) => c.json(errorBody('not_found', `No API route for ${c.req.method} ${c.req.path}.`, c.get('requestId')), 404));

  app.onError((err, c) => {
    const requestId = c.get('requestId') ?? 'unknown';
    if (err instanceof HttpError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.json(errorBody(err.code, err.message, requestId, err.details), err.status);
    }
    const route = routePath(c);
    log.error({ requestId, method: c.req.method, route, err }, 'request failed');
    return c.json(errorBody('internal', 'Something went wrong on our side. Try again.', requestId), 500);
  });

  return app;
}

/** The signed-in user and the integration key of a request, as far as its endpoint looked them
 * up: ids only. */
async function whoAsked(
  session: Promise<Session | null> | undefined,
  integration: Promise<Integration | null> | undefined,
): Promise<{ userId?: number; integrationKeyId?: number }> {
  const s = session ? await session.catch(() => null) : null;
  const i = integration ? await integration.catch(() => null) : null;
  return { ...(s ? { userId: s.userId } : {}), ...(i ? { integrationKeyId: i.keyId } : {}) };
}

function errorBody(
  code: ErrorBody['error']['code'],
  message: string,
  requestId: string,
  details?: ErrorBody['error']['details'],
): ErrorBody {
  return { error: { code, message, requestId, ...(details ? { details } : {}) } };
}
