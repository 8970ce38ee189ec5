import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import { viewerOf, type AppEnv } from '../http/context';
import { nextCursor, readTimeCursor } from '../http/cursor';
import { notFound } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { requireSequence, scheduledSteps, sequenceHistory, updateSequenceSettings } from './service';
import { listSequences, sequenceDetail } from './store';

export function sequenceRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.listSequences, async ({ query, session }) => {
    // Reps see and count only what they enrolled (docs/architecture.md).
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
    const page = await sequenceHistory(db, session, Number(params.id), query.limit, readTimeCursor(query.cursor, 'at', 'desc'));
    return { items: page.items, nextCursor: nextCursor('at', 'desc', page) };
  });

  register(app, api.listScheduled, async ({ params, query, session }) => {
    const { cursor, limit, ...filter } = query;
    const page = await scheduledSteps(db, session, Number(params.id), filter, limit, readTimeCursor(cursor, 'sendAt', 'asc'));
    return {
      items: page.items,
      nextCursor: nextCursor('sendAt', 'asc', page),
      total: page.total,
    };
  });

  register(app, api.updateSequenceSettings, ({ params, body, session }) =>
    updateSequenceSettings(db, session, Number(params.id), body.unenrollSameCompany, clock.now()),
  );
}
