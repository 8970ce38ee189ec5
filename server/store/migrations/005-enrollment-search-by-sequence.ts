// Searching a 200,000-row sequence matched the contact text across every sequence first and
// threw most of it away. One GIN index over (sequence, status, contact text) lets the search
// find only this sequence's matching rows, with or without a status filter.
export default /* sql */ `
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE INDEX enrollments_seq_search_idx ON enrollments
  USING gin (sequence_id, status, (contact_name || ' ' || contact_email) gin_trgm_ops);
DROP INDEX enrollments_search_idx;
`;
