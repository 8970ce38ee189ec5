import type { Context, Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { api } from '../../src/contract/api';
import { DEMO_SESSION_HEADER, SESSION_COOKIE } from '../../src/contract/auth';
import type { AppEnv } from '../http/context';
import { register } from '../http/register';
import { SESSION_TTL_SECONDS, signIn, signOut, type SignInLimits } from './service';
import type { Clock } from '../deps';
import type { Db } from '../store/db';
import type { PasswordHasher } from './passwords';

export function authRoutes(
  app: Hono<AppEnv>,
  deps: { db: Db; clock: Clock; limits: SignInLimits; secureCookies: boolean; acceptSessionHeader: boolean; passwords: PasswordHasher },
): void {
  register(app, api.getSession, ({ session }) => ({
    user: session?.user ?? null,
    csrfToken: session?.csrfToken ?? null,
  }));

  register(app, api.signIn, async ({ c, body }) => {
    const { token, session } = await signIn(deps.db, deps.clock, deps.limits, body, deps.passwords, c.get('clientAddress'));
    handOverSession(c, token, deps);
    return { user: session.user, csrfToken: session.csrfToken };
  });

  register(app, api.signOut, async ({ c, session }) => {
    await signOut(deps.db, session);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.secureCookies });
    if (deps.acceptSessionHeader) c.header(DEMO_SESSION_HEADER, '');
    return c.body(null, 204);
  });
}

/** Gives the browser a new session's token: the HttpOnly cookie (and, in demo mode, the header
 * the in-page bridge carries, since a Response built in the page cannot set a cookie). */
export function handOverSession(
  c: Context<AppEnv>,
  token: string,
  deps: { secureCookies: boolean; acceptSessionHeader: boolean },
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  });
  if (deps.acceptSessionHeader) c.header(DEMO_SESSION_HEADER, token);
}
