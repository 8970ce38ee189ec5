import { z } from 'zod';
import { NUMERIC_ID } from './ids';

// Small schemas that several parts of the contract share.

export { NUMERIC_ID };

/** A numeric id in a path, a query or a body. */
export const NumericId = z.string().regex(NUMERIC_ID, 'Expected a numeric id');

/** Someone or something by id and name (a user, a sequence). */
export const Ref = z.object({ id: z.string(), name: z.string() });

/** A moment as ISO 8601 with its offset. */
export const Instant = z.iso.datetime({ offset: true });

export const Count = z.number().int().nonnegative();
