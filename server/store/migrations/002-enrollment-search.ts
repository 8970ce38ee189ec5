// The Enrollments tab sorts by contact and searches name and email server-side at 200,000
// rows a sequence: keep the contact's name and email on the enrollment (filled by trigger,
// kept in step when the contact changes) so keyset pages can walk one index.
export default /* sql */ `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE enrollments ADD COLUMN contact_name text;
ALTER TABLE enrollments ADD COLUMN contact_email text;

CREATE FUNCTION enrollments_fill_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.contact_name IS NULL OR NEW.contact_email IS NULL THEN
    SELECT c.first_name || ' ' || c.last_name, c.email INTO NEW.contact_name, NEW.contact_email
      FROM contacts c WHERE c.id = NEW.contact_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER enrollments_fill_contact BEFORE INSERT ON enrollments
  FOR EACH ROW EXECUTE FUNCTION enrollments_fill_contact();

CREATE FUNCTION contacts_sync_enrollments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollments SET contact_name = NEW.first_name || ' ' || NEW.last_name, contact_email = NEW.email
   WHERE contact_id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER contacts_sync_enrollments AFTER UPDATE OF first_name, last_name, email ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_sync_enrollments();

UPDATE enrollments e SET contact_name = c.first_name || ' ' || c.last_name, contact_email = c.email
  FROM contacts c WHERE c.id = e.contact_id;

CREATE INDEX enrollments_seq_contact_idx ON enrollments (sequence_id, lower(contact_name) COLLATE "C", id);
CREATE INDEX enrollments_seq_step_idx ON enrollments (sequence_id, current_step, id);
CREATE INDEX enrollments_seq_activity_idx ON enrollments (sequence_id, coalesce(last_activity_at, 'epoch'::timestamptz), id);
CREATE INDEX enrollments_seq_enroll_error_idx ON enrollments (sequence_id, enroll_error, id) WHERE enroll_error IS NOT NULL;
CREATE INDEX enrollments_seq_email_error_idx ON enrollments (sequence_id, email_error, id) WHERE email_error IS NOT NULL;
CREATE INDEX enrollments_search_idx ON enrollments USING gin ((contact_name || ' ' || contact_email) gin_trgm_ops);
`;
