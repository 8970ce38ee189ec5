import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from './email';

export const Role = z.enum(['rep', 'manager', 'marketer', 'admin']);
export type Role = z.infer<typeof Role>;

export const User = z
  .object({
    id: z.string(),
    email: z.email(),
    name: z.string(),
    role: Role,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const SignInRequest = z
  .object({
    email: z.email().max(EMAIL_MAX_LENGTH),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof SignInRequest>;

/** The caller's session. `user` is null when signed out; `csrfToken` must be echoed in
 * the `X-CSRF-Token` header of every state-changing request. */
export const SessionResponse = z
  .object({
    user: User.nullable(),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Session' });
export type SessionResponse = z.infer<typeof SessionResponse>;

export { CSRF_HEADER } from './routes';
/** Demo mode only: browsers drop Set-Cookie from responses built in JavaScript, so the
 * in-page bridge carries the session token in this header instead. */
export const DEMO_SESSION_HEADER = 'X-Demo-Session';
export const SESSION_COOKIE = 'sd_session';
