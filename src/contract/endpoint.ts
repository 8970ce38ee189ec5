import type { z } from 'zod';
import type { Role } from './auth';

/** `public`: anyone; `integration`: an integration key (`Authorization: Bearer <key>`), not a
 * session; otherwise the roles allowed (an empty list means any signed-in user). */
export type Access = 'public' | 'integration' | readonly Role[];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One API operation, described once. The server validates against it and registers the
 * handler from it, the OpenAPI document is generated from it, and the API tests walk the
 * whole list to prove 401/403/400 for every operation.
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends Access = Access,
> {
  operationId: string;
  method: HttpMethod;
  /** Hono-style path, e.g. `/api/sequences/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: A;
  /** The request must carry an `Idempotency-Key` header (mutations over many rows). */
  idempotent?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Success status and body. `null` response means no body (204) or a non-JSON body. */
  status: 200 | 201 | 202 | 204;
  response: R | null;
  /** Content type of a non-JSON success body (CSV export, HTML docs). */
  produces?: string;
}

export function endpoint<
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodNever,
  const A extends Access = Access,
>(e: Endpoint<P, Q, B, R, A>): Endpoint<P, Q, B, R, A> {
  return e;
}

/** Whether a caller with `role` (`null`: signed out) passes `access`. The server's check and
 * the UI's offers both read this, so they cannot disagree. An integration endpoint takes a
 * key, never a session, so no role passes it. */
export function allows(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (access === 'integration' || !role) return false;
  return access.length === 0 || access.includes(role);
}
