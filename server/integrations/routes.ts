import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { notFound } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { createIntegrationKey, ingestActivity, revokeKey } from './service';
import { listIntegrationKeys } from './store';

export function integrationRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.postActivity, ({ body, integration }) => ingestActivity(db, integration, body, clock.now()));

  register(app, api.createApiKey, ({ body, session }) => createIntegrationKey(db, body, session.userId, clock.now()));

  register(app, api.listApiKeys, async () => ({ items: await listIntegrationKeys(db) }));

  register(app, api.revokeApiKey, async ({ c, params, session }) => {
    if (!(await revokeKey(db, Number(params.id), session.userId, clock.now()))) throw notFound('The integration key');
    return c.body(null, 204);
  });
}
