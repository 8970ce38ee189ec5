// Searching a 200,000-row sequence matched the contact text across every sequence first and
// threw most of it away. One GIN index over (sequence, status, contact text) lets the search
// find only this sequence's matching rows, with or without a status filter.
// A search that matches many rows is cheaper walked in the page's order than collected and
// sorted: the status index carries the default order (enrolled at) so that walk can start at
// the chosen status.
export default /* sql */ `
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX enrollments_seq_search_idx ON enrollments
  USING gin (sequence_id, status, (contact_name || ' ' || contact_email) gin_trgm_ops);
DROP INDEX enrollments_search_idx;

CREATE INDEX enrollments_seq_status_enrolled_idx ON enrollments (sequence_id, status, enrolled_at, id);
DROP INDEX enrollments_seq_status_idx;
`;
