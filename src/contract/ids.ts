// Kept apart from the schemas (common.ts) so that the app's first download can check an id
// without the schema library.

/** Our ids: positive integers of at most nine digits, sent as strings. */
export const NUMERIC_ID = /^\d{1,9}$/;
