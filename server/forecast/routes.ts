import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, IdempotencyKey } from '../../src/contract/enrollments';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { badRequest } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { previewSpread, sendForecast, spreadSends, undoSpread } from './service';

export function forecastRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.getSendForecast, ({ query, session }) => sendForecast(db, session, query, clock.now()));

  register(app, api.previewSpread, ({ params, session }) => previewSpread(db, session, Number(params.id), clock.now()));

  register(app, api.spreadSends, async ({ c, params, body, session }) => {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) {
      const message =
        header === undefined ? `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new UUID per action).` : (key.error.issues[0]?.message ?? 'Invalid key.');
      throw badRequest(`Invalid header: ${IDEMPOTENCY_KEY_HEADER}.`, [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message }]);
    }
    const { result, replayed } = await spreadSends(db, session, Number(params.id), body.planToken, key.data, clock.now());
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });

  register(app, api.undoSpread, ({ params, session }) => undoSpread(db, session, Number(params.id), clock.now()));
}
