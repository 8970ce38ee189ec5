// The figures of the sequences list and of the summary header, kept up to date by the database
// itself (issue 16). Counting every enrollment of a sequence on every read grew with the data
// (0.8 s for the list on the xl dataset); these two tables are small (a row per sequence and
// enroller, and per sequence, enroller and error code), so reading them costs the same whatever
// the number of enrollments.
//
// Statement-level triggers with transition tables keep them right: every INSERT, UPDATE or
// DELETE on enrollments, whoever issues it (the API, the activity feed, an ingest, the seed, a
// manual fix in psql), adds the new rows' contribution and takes away the old rows', in the same
// transaction. One grouped upsert per statement, not one per row, so a bulk unenroll of 200,000
// rows pays for a hash aggregate rather than 200,000 upserts.
// SQL that PostgreSQL 15 and PGlite (18) both accept.

/** Per (sequence, enroller): the counts the list and the header read. */
const FIGURES = [
  ['enrolled', 'true'],
  ['active', "r.status = 'active'"],
  ['paused', "r.status = 'paused'"],
  ['finished', "r.status = 'finished'"],
  ['unenrolled', "r.status = 'unenrolled'"],
  ['with_errors', 'r.enroll_error IS NOT NULL OR r.email_error IS NOT NULL'],
  ['sent', 'r.emails_sent > 0'],
  ['opened', 'r.opened'],
  ['clicked', 'r.clicked'],
  ['replied', 'r.replied'],
  ['meetings', 'r.meeting_booked'],
] as const;

const columns = FIGURES.map(([name]) => name).join(', ');

/**
 * The upserts that add `rows` (a relation with the enrollments' columns and a weight `w`, +1 or
 * -1) to both tables. Rows are applied in key order so that two transactions touching the same
 * sequences lock their figure rows in the same order and cannot deadlock each other.
 */
function applyDelta(rows: string): string {
  const sums = FIGURES.map(([name, when]) => `sum(CASE WHEN ${when} THEN r.w ELSE 0 END)::int AS ${name}`).join(',\n           ');
  const add = FIGURES.map(([name]) => `${name} = f.${name} + EXCLUDED.${name}`).join(', ');
  return `
    INSERT INTO sequence_figures AS f (sequence_id, enrolled_by, ${columns})
    SELECT r.sequence_id, r.enrolled_by,
           ${sums}
      FROM (${rows}) r
     GROUP BY r.sequence_id, r.enrolled_by
     ORDER BY r.sequence_id, r.enrolled_by
    ON CONFLICT (sequence_id, enrolled_by) DO UPDATE SET ${add};

    INSERT INTO sequence_error_counts AS c (sequence_id, enrolled_by, kind, code, count)
    SELECT x.sequence_id, x.enrolled_by, x.kind, x.code, sum(x.w)::int
      FROM (SELECT r.sequence_id, r.enrolled_by, 'enroll' AS kind, r.enroll_error AS code, r.w
              FROM (${rows}) r WHERE r.enroll_error IS NOT NULL
            UNION ALL
            SELECT r.sequence_id, r.enrolled_by, 'email', r.email_error, r.w
              FROM (${rows}) r WHERE r.email_error IS NOT NULL) x
     GROUP BY x.sequence_id, x.enrolled_by, x.kind, x.code
     ORDER BY x.sequence_id, x.enrolled_by, x.kind, x.code
    ON CONFLICT (sequence_id, enrolled_by, kind, code) DO UPDATE SET count = c.count + EXCLUDED.count;`;
}

const added = 'SELECT n.*, 1 AS w FROM new_rows n';
const removed = 'SELECT o.*, -1 AS w FROM old_rows o';

/** The full recount, from nothing: the backfill here, and the seed after a bulk load. */
export const REBUILD_SEQUENCE_FIGURES = /* sql */ `
DELETE FROM sequence_figures;
DELETE FROM sequence_error_counts;
${applyDelta('SELECT e.*, 1 AS w FROM enrollments e')}
`;

export default /* sql */ `
CREATE TABLE sequence_figures (
  sequence_id  int NOT NULL REFERENCES sequences(id),
  enrolled_by  int NOT NULL REFERENCES users(id),
  ${FIGURES.map(([name]) => `${name} int NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (sequence_id, enrolled_by)
);

CREATE TABLE sequence_error_counts (
  sequence_id  int NOT NULL REFERENCES sequences(id),
  enrolled_by  int NOT NULL REFERENCES users(id),
  kind         text NOT NULL CHECK (kind IN ('enroll', 'email')),
  code         text NOT NULL,
  count        int NOT NULL,
  PRIMARY KEY (sequence_id, enrolled_by, kind, code)
);

CREATE FUNCTION sequence_figures_on_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${applyDelta(added)}
  RETURN NULL;
END
$fn$;

CREATE FUNCTION sequence_figures_on_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${applyDelta(`${added} UNION ALL ${removed}`)}
  RETURN NULL;
END
$fn$;

CREATE FUNCTION sequence_figures_on_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${applyDelta(removed)}
  RETURN NULL;
END
$fn$;

-- A TRUNCATE leaves nothing to count.
CREATE FUNCTION sequence_figures_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM sequence_figures;
  DELETE FROM sequence_error_counts;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER enrollments_figures_insert AFTER INSERT ON enrollments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_figures_on_insert();
CREATE TRIGGER enrollments_figures_update AFTER UPDATE ON enrollments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_figures_on_update();
CREATE TRIGGER enrollments_figures_delete AFTER DELETE ON enrollments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION sequence_figures_on_delete();
CREATE TRIGGER enrollments_figures_truncate AFTER TRUNCATE ON enrollments
  FOR EACH STATEMENT EXECUTE FUNCTION sequence_figures_on_truncate();

${REBUILD_SEQUENCE_FIGURES}
`;
