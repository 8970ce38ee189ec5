import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { reportingWindow } from '../../src/domain/health';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { nextCursor, readMicrosCursor } from '../http/cursor';
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
    const after = readMicrosCursor(query.cursor, CURSOR_SORT, 'desc');
    const [page, total] = await Promise.all([listNotSent(db, filter, query.limit, after), countNotSent(db, filter)]);
    return {
      window: windowOut(window),
      items: page.items,
      nextCursor: nextCursor(CURSOR_SORT, 'desc', page),
      total,
    };
  });
}
