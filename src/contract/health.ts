import { z } from 'zod';

export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    store: z.enum(['pglite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'Health' });
export type HealthResponse = z.infer<typeof HealthResponse>;
