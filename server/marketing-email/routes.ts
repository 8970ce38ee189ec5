import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { nextCursor, readIdCursor } from '../http/cursor';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { sendMarketingEmail } from './service';
import { listMarketingEmails } from './store';

// Everyone signed in reads the marketing emails; marketers and admins send them (see
// MARKETING in src/contract/api.ts).

export function marketingEmailRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.listMarketingEmails, async ({ query }) => {
    const page = await listMarketingEmails(db, { status: query.status }, query.limit, readIdCursor(query.cursor, 'desc'));
    return {
      items: page.items,
      nextCursor: nextCursor('id', 'desc', page),
      total: page.total,
    };
  });

  register(app, api.sendMarketingEmail, ({ params, session }) =>
    sendMarketingEmail(db, clock.now(), Number(params.id), session.userId),
  );
}
