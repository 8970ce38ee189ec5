import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { nextCursor, readIdCursor } from '../http/cursor';
import { register } from '../http/register';
import {
  completeReview,
  probationView,
  removeContacts,
  reviewProgress,
  saveReviewProgress,
} from './service';
import type { Db } from '../store/db';
import { countReviewContacts, listReviewContacts, problemCounts } from './store';

// The probation and its contact review. Roles: everyone signed in reads the probation state
// (it explains why marketing email stopped); marketers and admins review, remove and complete
// (see MARKETING in src/contract/api.ts).

export function probationRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.getProbation, () => probationView(db, clock.now()));

  register(app, api.getReviewProgress, () => reviewProgress(db, clock.now()));

  register(app, api.saveReviewProgress, ({ body, session }) => saveReviewProgress(db, clock.now(), body, session.userId));

  register(app, api.listReviewContacts, async ({ query }) => {
    const now = clock.now();
    const [page, total, counts] = await Promise.all([
      listReviewContacts(db, query.problem, now, query.limit, readIdCursor(query.cursor, 'asc')),
      countReviewContacts(db, query.problem, now),
      problemCounts(db, now),
    ]);
    return {
      items: page.items,
      nextCursor: nextCursor('id', 'asc', page),
      total,
      counts,
    };
  });

  register(app, api.removeFromMarketing, ({ body, session }) =>
    removeContacts(
      db,
      clock.now(),
      'ids' in body ? { ids: [...new Set(body.ids.map(Number))] } : { problem: body.problem, expectedCount: body.expectedCount },
      session.userId,
    ),
  );

  register(app, api.completeReview, ({ body, session }) => completeReview(db, clock.now(), body.confirmed, session.userId));
}
