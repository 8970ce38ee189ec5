import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { accountView, setAccountIndustry } from './service';

export function accountRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.getAccount, () => accountView(db));

  register(app, api.updateAccountIndustry, ({ body, session }) =>
    setAccountIndustry(db, body.industry, session.userId, clock.now()),
  );
}
