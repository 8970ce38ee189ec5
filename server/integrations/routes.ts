import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, IdempotencyKey } from '../../src/contract/enrollments';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { badRequest, notFound } from '../http/errors';
import { register } from '../http/register';
import { createIntegrationKey, ingestActivity } from './service';
import {
  bulkUnenrollSelection,
  completeStep,
  scheduledSteps,
  sequenceHistory,
  undoBulkUnenroll,
  updateSequenceSettings,
} from '../enrollments/bulk-service';
import type { Db } from '../store/db';
import { listIntegrationKeys, revokeIntegrationKey } from '../enrollments/bulk-store';

/** The key's position as [ISO time, id], as the keyset pages of History and Scheduled use it. */
const timeKey = (cursor: string | undefined, sort: string, dir: 'asc' | 'desc'): [string, number] | null => {
  if (!cursor) return null;
  const [time, id] = decodeCursor(cursor, sort, dir);
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) {
    throw badRequest('Invalid query: query.cursor.', [{ path: 'query.cursor', message: 'The cursor is not one this list handed out.' }]);
  }
  return [time, id];
};

export function unenrollRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.bulkUnenroll, async ({ c, body, session }) => {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) {
      const message = header === undefined ? `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new UUID per action).` : key.error.issues[0]?.message ?? 'Invalid key.';
      throw badRequest(`Invalid header: ${IDEMPOTENCY_KEY_HEADER}.`, [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message }]);
    }
    const { result, replayed } = await bulkUnenrollSelection(db, session, body, key.data, clock.now());
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });

  register(app, api.undoUnenroll, ({ params, session }) => undoBulkUnenroll(db, session, Number(params.id), clock.now()));

  register(app, api.listHistory, async ({ params, query, session }) => {
    const page = await sequenceHistory(db, session, Number(params.id), query.limit, timeKey(query.cursor, 'at', 'desc'));
    return { items: page.items, nextCursor: page.hasMore && page.last ? encodeCursor('at', 'desc', page.last) : null };
  });

  register(app, api.listScheduled, async ({ params, query, session }) => {
    const { cursor, limit, ...filter } = query;
    const page = await scheduledSteps(db, session, Number(params.id), filter, limit, timeKey(cursor, 'sendAt', 'asc'));
    return {
      items: page.items,
      nextCursor: page.hasMore && page.last ? encodeCursor('sendAt', 'asc', page.last) : null,
      total: page.total,
    };
  });

  register(app, api.updateSequenceSettings, ({ params, body, session }) =>
    updateSequenceSettings(db, session, Number(params.id), body.unenrollSameCompany, clock.now()),
  );

  register(app, api.completeStep, ({ params, body, session }) =>
    completeStep(db, session, Number(params.id), body.step, clock.now()),
  );

  register(app, api.postActivity, ({ body, integration }) => ingestActivity(db, integration, body, clock.now()));

  register(app, api.createApiKey, ({ body, session }) => createIntegrationKey(db, body.name, session.userId, clock.now()));

  register(app, api.listApiKeys, async () => ({ items: await listIntegrationKeys(db) }));

  register(app, api.revokeApiKey, async ({ c, params }) => {
    if (!(await revokeIntegrationKey(db, Number(params.id), clock.now()))) throw notFound('The integration key');
    return c.body(null, 204);
  });
}
