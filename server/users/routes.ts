import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import type { Clock, UserLimits } from '../deps';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import type { PasswordHasher } from '../sessions/passwords';
import { handOverSession } from '../sessions/routes';
import type { Db } from '../store/db';
import {
  acceptInvite,
  changeRole,
  deactivateUser,
  inviteUser,
  reinviteUser,
  usersOverview,
} from './service';

export function userRoutes(
  app: Hono<AppEnv>,
  deps: {
    db: Db;
    clock: Clock;
    passwords: PasswordHasher;
    limits: UserLimits;
    secureCookies: boolean;
    acceptSessionHeader: boolean;
  },
): void {
  const { db, clock, limits } = deps;

  register(app, api.listUsers, () => usersOverview(db, clock.now()));

  register(app, api.inviteUser, ({ body, session }) => inviteUser(db, session, body, clock.now(), limits));

  register(app, api.reinviteUser, ({ params, session }) => reinviteUser(db, session, Number(params.id), clock.now(), limits));

  register(app, api.updateUser, ({ params, body, session }) => changeRole(db, session, Number(params.id), body.role, clock.now()));

  register(app, api.deactivateUser, ({ params, session }) => deactivateUser(db, session, Number(params.id), clock.now()));

  // Public: the token travels in the body (the page reads it from the link's #fragment), so it
  // never appears in a URL that a server or proxy logs, nor in a Referer header.
  register(app, api.acceptInvite, async ({ c, body }) => {
    const { token, session } = await acceptInvite(db, clock, deps.passwords, limits, body, c.get('clientAddress'));
    handOverSession(c, token, deps);
    return { user: session.user, csrfToken: session.csrfToken };
  });
}
