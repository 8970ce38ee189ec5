// Needs attention (issue 14): every error across sequences, grouped by what fixes it, fixed in
// bulk with Undo. SQL that PostgreSQL 15 and PGlite (18) both accept.
//
// The groups count only the enrollments that still need a person: paused by a send problem,
// or refused with an enrollment error. Two partial indexes hold just those rows (a few percent
// of the table), with the columns the grouping reads, so counting them across a million
// enrollments is an index-only scan of a small index rather than a pass over the table.
export default /* sql */ `
CREATE INDEX enrollments_attention_paused_idx ON enrollments (email_error, inbox_id, sequence_id, enrolled_by)
  INCLUDE (current_step) WHERE status = 'paused' AND email_error IS NOT NULL;
CREATE INDEX enrollments_attention_failed_idx ON enrollments (enroll_error, sequence_id, enrolled_by, inbox_id)
  WHERE status = 'failed' AND enroll_error IS NOT NULL;

-- Re-enrolling at the next step is spread over the coming days so that no inbox goes over its
-- daily limit, which asks "how many steps are already due from this inbox, per day": the send
-- forecast's index on (inbox_id, next_step_at) of active enrollments answers it (migration 011).

-- The bulk machinery of issue 4 (batches, their items, Undo) also carries the remedies of
-- Needs attention: a batch may span sequences (no sequence), and may be a re-enroll.
ALTER TABLE unenroll_batches ALTER COLUMN sequence_id DROP NOT NULL;
ALTER TABLE unenroll_batches ADD COLUMN action text NOT NULL DEFAULT 'unenroll'
  CHECK (action IN ('unenroll', 'reenroll'));
CREATE INDEX unenroll_batches_actor_idx ON unenroll_batches (actor_id, created_at DESC);

-- A failed enrollment (refused with an error code) can be unenrolled from Needs attention, and
-- Undo puts it back; a re-enroll clears the send problem and moves the last activity, which
-- Undo restores too.
ALTER TABLE unenroll_batch_items DROP CONSTRAINT unenroll_batch_items_prev_status_check;
ALTER TABLE unenroll_batch_items ADD CONSTRAINT unenroll_batch_items_prev_status_check
  CHECK (prev_status IN ('active', 'paused', 'failed'));
ALTER TABLE unenroll_batch_items ADD COLUMN prev_email_error text;
ALTER TABLE unenroll_batch_items ADD COLUMN prev_last_activity_at timestamptz;
`;
