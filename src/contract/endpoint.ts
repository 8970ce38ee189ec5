import type { z } from 'zod';
import type { Role } from './auth';
import type { Access, Route } from './routes';

export type { Access, HttpMethod } from './routes';

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
> extends Route {
  summary: string;
  tag: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** The success body. `null` means no body (204) or a non-JSON body (`produces`). */
  response: R | null;
  /** Answers other than success and the standard errors, for the OpenAPI document (the health
   * check's 503). */
  otherResponses?: Record<number, { description: string; response: z.ZodType }>;
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
