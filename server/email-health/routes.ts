import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { reportingWindow } from '../../src/domain/health';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { badRequest } from '../http/errors';
import { register } from '../http/register';
import { emailHealth, windowOut } from './service';
import type { Db } from '../store/db';
import { countNotSent, listNotSent } from './store';

const CURSOR_SORT = 'occurredAt';

export function emailHealthRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.getEmailHealth, ({ query }) => emailHealth(db, query, clock.now()));

  register(app, api.listNotSentContacts, async ({ query }) => {
    const window = reportingWindow(query.window, clock.now());
    const filter = { startsAt: window.startsAt, endsAt: window.endsAt, reason: query.reason, kind: query.kind, q: query.q };
    const after = query.cursor ? microsCursor(decodeCursor(query.cursor, CURSOR_SORT, 'desc')) : null;
    const [page, total] = await Promise.all([listNotSent(db, filter, query.limit, after), countNotSent(db, filter)]);
    return {
      window: windowOut(window),
      items: page.items,
      nextCursor: page.hasMore && page.last ? encodeCursor(CURSOR_SORT, 'desc', page.last) : null,
      total,
    };
  });
}

/** Our cursors carry epoch microseconds; a string key is a cursor of another list. */
function microsCursor(key: [string | number, number]): [number, number] {
  const [us, id] = key;
  if (typeof us !== 'number' || !Number.isSafeInteger(us)) {
    throw badRequest('Invalid query: query.cursor.', [
      { path: 'query.cursor', message: 'The cursor is not one this list handed out (or the sort changed).' },
    ]);
  }
  return [us, id];
}
