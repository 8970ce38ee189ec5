import { z } from 'zod';

// Small schemas that several parts of the contract share.

/** Our ids: positive integers of at most nine digits, sent as strings. */
export const NUMERIC_ID = /^\d{1,9}$/;

/** A numeric id in a path, a query or a body. */
export const NumericId = z.string().regex(NUMERIC_ID, 'Expected a numeric id');
