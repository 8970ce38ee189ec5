import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { inboxesOf } from './store';

export function inboxRoutes(app: Hono<AppEnv>, deps: { db: Db }): void {
  const { db } = deps;

  register(app, api.listInboxes, async ({ session }) => ({ items: await inboxesOf(db, session.userId) }));
}
