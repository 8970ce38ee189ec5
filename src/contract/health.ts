import { z } from 'zod';

/** One dependency the server needs to answer requests, as the health check found it. */
export const HealthCheck = z
  .object({
    status: z.enum(['ok', 'failing']),
    /** How long the check took, in milliseconds. */
    durationMs: z.number().nonnegative(),
    /** Why it failed: no answer within the time allowed, or an error from the database. */
    error: z.enum(['timeout', 'unreachable']).optional(),
  })
  .meta({ id: 'HealthCheck' });

/** `GET /api/health`: 200 with `status: 'ok'` when every check passes, 503 with
 * `status: 'unavailable'` (and the failing check) when one does not. */
export const HealthResponse = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    store: z.enum(['pglite', 'postgres']),
    version: z.string(),
    checks: z.object({ database: HealthCheck }),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof HealthResponse>;
