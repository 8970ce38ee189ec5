// Housekeeping (issue 12): the purge of old sign-in attempts finds them by the start of their
// window, in small batches; without an index each batch would read the whole table, which a
// flood of failed sign-ins for made-up emails can make large. Sessions (expires_at) and
// idempotency keys (created_at) have their index already. SQL that PostgreSQL 15 and PGlite
// (18) both accept.
export default /* sql */ `
CREATE INDEX sign_in_attempts_window_idx ON sign_in_attempts (window_start);
`;
