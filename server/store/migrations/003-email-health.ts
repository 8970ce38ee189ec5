// Email health (issue 5): daily rollups of email_events, so the health view reads at most
// 90 days × kinds × providers rows however long the history grows.
//
// The rollups are kept by statement-level triggers with transition tables: one aggregate per
// INSERT / UPDATE / DELETE statement, not one upsert per row, so the seed's 20,000-row batches
// cost one small GROUP BY each. Every change is applied as a signed delta (+1 for new rows,
// -1 for old ones), so an update that turns an email into a bounce moves it between columns.
// Days are UTC. SQL that PostgreSQL 15 and PGlite (18) both accept.

const DAY = `(occurred_at AT TIME ZONE 'UTC')::date`;

/** The delta of a set of signed rows (`sign`, then email_events' columns) onto both rollups. */
const applyDelta = (rows: string) => /* sql */ `
  INSERT INTO email_daily AS d (day, kind, provider, sent, not_sent, delivered, hard_bounces, soft_bounces,
                                opened, clicked, spam_reports, unsubscribes)
  SELECT ${DAY}, kind, provider,
         coalesce(sum(sign) FILTER (WHERE sent), 0),
         coalesce(sum(sign) FILTER (WHERE NOT sent), 0),
         coalesce(sum(sign) FILTER (WHERE delivered), 0),
         coalesce(sum(sign) FILTER (WHERE bounce = 'hard'), 0),
         coalesce(sum(sign) FILTER (WHERE bounce = 'soft'), 0),
         coalesce(sum(sign) FILTER (WHERE opened), 0),
         coalesce(sum(sign) FILTER (WHERE clicked), 0),
         coalesce(sum(sign) FILTER (WHERE spam_reported), 0),
         coalesce(sum(sign) FILTER (WHERE unsubscribed), 0)
    FROM (${rows}) r
   GROUP BY 1, 2, 3
  ON CONFLICT (day, kind, provider) DO UPDATE SET
    sent = d.sent + EXCLUDED.sent,
    not_sent = d.not_sent + EXCLUDED.not_sent,
    delivered = d.delivered + EXCLUDED.delivered,
    hard_bounces = d.hard_bounces + EXCLUDED.hard_bounces,
    soft_bounces = d.soft_bounces + EXCLUDED.soft_bounces,
    opened = d.opened + EXCLUDED.opened,
    clicked = d.clicked + EXCLUDED.clicked,
    spam_reports = d.spam_reports + EXCLUDED.spam_reports,
    unsubscribes = d.unsubscribes + EXCLUDED.unsubscribes;

  INSERT INTO email_not_sent_daily AS d (day, kind, reason, count)
  SELECT ${DAY}, kind, not_sent_reason, sum(sign)
    FROM (${rows}) r
   WHERE not_sent_reason IS NOT NULL
   GROUP BY 1, 2, 3
  HAVING sum(sign) <> 0
  ON CONFLICT (day, kind, reason) DO UPDATE SET count = d.count + EXCLUDED.count;
`;

export default /* sql */ `
CREATE TABLE email_daily (
  day           date NOT NULL,
  kind          text NOT NULL,
  provider      text NOT NULL,
  sent          int NOT NULL DEFAULT 0,
  not_sent      int NOT NULL DEFAULT 0,
  delivered     int NOT NULL DEFAULT 0,
  hard_bounces  int NOT NULL DEFAULT 0,
  soft_bounces  int NOT NULL DEFAULT 0,
  opened        int NOT NULL DEFAULT 0,
  clicked       int NOT NULL DEFAULT 0,
  spam_reports  int NOT NULL DEFAULT 0,
  unsubscribes  int NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind, provider)
);

CREATE TABLE email_not_sent_daily (
  day     date NOT NULL,
  kind    text NOT NULL,
  reason  text NOT NULL,
  count   int NOT NULL DEFAULT 0,
  PRIMARY KEY (day, kind, reason)
);

CREATE FUNCTION email_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyDelta('SELECT 1 AS sign, * FROM new_rows')}
  RETURN NULL;
END $$;

CREATE FUNCTION email_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyDelta('SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows')}
  RETURN NULL;
END $$;

CREATE FUNCTION email_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${applyDelta('SELECT -1 AS sign, * FROM old_rows')}
  RETURN NULL;
END $$;

CREATE FUNCTION email_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE email_daily, email_not_sent_daily;
  RETURN NULL;
END $$;

-- A trigger with transition tables may have one event only: hence three.
CREATE TRIGGER email_rollup_insert AFTER INSERT ON email_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION email_rollup_insert();
CREATE TRIGGER email_rollup_update AFTER UPDATE ON email_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION email_rollup_update();
CREATE TRIGGER email_rollup_delete AFTER DELETE ON email_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION email_rollup_delete();
CREATE TRIGGER email_rollup_truncate AFTER TRUNCATE ON email_events
  FOR EACH STATEMENT EXECUTE FUNCTION email_rollup_truncate();

-- Backfill what is already there.
${applyDelta('SELECT 1 AS sign, * FROM email_events')}

-- The not-sent lists: one reason (and kind) in a window, newest first.
CREATE INDEX email_events_not_sent_idx ON email_events (kind, not_sent_reason, occurred_at)
  WHERE not_sent_reason IS NOT NULL;
`;
