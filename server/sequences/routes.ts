import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { listSequences } from './store';

export function sequenceRoutes(app: Hono<AppEnv>, deps: { db: Db }): void {
  register(app, api.listSequences, async ({ query, session }) => {
    // Reps see and count only what they enrolled (DESIGN.md §1).
    const onlyEnrolledBy = session.user.role === 'rep' ? session.userId : null;
    const items = await listSequences(deps.db, query, onlyEnrolledBy);
    return { items, total: items.length };
  });
}
