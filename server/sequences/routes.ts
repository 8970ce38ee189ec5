import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import { viewerOf, type AppEnv } from '../http/context';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { badRequest, notFound } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { requireSequence, scheduledSteps, sequenceHistory, updateSequenceSettings } from './service';
import { listSequences, sequenceDetail } from './store';

/** The key's position as [ISO time, id], as the keyset pages of History and Scheduled use it. */
const timeKey = (cursor: string | undefined, sort: string, dir: 'asc' | 'desc'): [string, number] | null => {
  if (!cursor) return null;
  const [time, id] = decodeCursor(cursor, sort, dir);
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) {
    throw badRequest('Invalid query: query.cursor.', [{ path: 'query.cursor', message: 'The cursor is not one this list handed out.' }]);
  }
  return [time, id];
};

export function sequenceRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.listSequences, async ({ query, session }) => {
    // Reps see and count only what they enrolled (DESIGN.md §1).
    const onlyEnrolledBy = session.user.role === 'rep' ? session.userId : null;
    const items = await listSequences(db, query, onlyEnrolledBy);
    return { items, total: items.length };
  });

  register(app, api.getSequence, async ({ params, session }) => {
    const viewer = viewerOf(session);
    await requireSequence(db, Number(params.id), viewer);
    const detail = await sequenceDetail(db, Number(params.id), viewer.onlyOwn ? viewer.userId : null);
    if (!detail) throw notFound('The sequence');
    return detail;
  });

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
}
