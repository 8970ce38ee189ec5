import type { MarketingEmail, MarketingEmailStatus } from '../../src/contract/marketing-email';
import { fetchLimit, idKey, keysetPage, type KeysetPage } from '../http/cursor';
import type { Queryable } from '../store/db';

// The account's marketing emails (table from migration 001).

interface Row {
  id: number;
  name: string;
  status: MarketingEmailStatus;
  sent_count: number;
  scheduled_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

const toEmail = (r: Row): MarketingEmail => ({
  id: String(r.id),
  name: r.name,
  status: r.status,
  sentCount: r.sent_count,
  scheduledAt: iso(r.scheduled_at),
  sentAt: iso(r.sent_at),
  createdAt: new Date(r.created_at).toISOString(),
});

const COLUMNS = 'id, name, status, sent_count, scheduled_at, sent_at, created_at';

/** One keyset page, newest first by id (drafts and scheduled emails are the newest), after `beforeId`. */
export async function listMarketingEmails(
  db: Queryable,
  filter: { status?: MarketingEmailStatus | undefined },
  limit: number,
  beforeId: number | null,
): Promise<KeysetPage<MarketingEmail, [number, number]> & { total: number }> {
  const [rows, [count]] = await Promise.all([
    db.query<Row>(
      `SELECT ${COLUMNS} FROM marketing_emails
        WHERE ($1::text IS NULL OR status = $1) AND ($2::int IS NULL OR id < $2)
        ORDER BY id DESC
        LIMIT $3`,
      [filter.status ?? null, beforeId, fetchLimit(limit)],
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM marketing_emails WHERE ($1::text IS NULL OR status = $1)', [
      filter.status ?? null,
    ]),
  ]);
  return { ...keysetPage(rows, limit, toEmail, (r) => idKey(r.id)), total: count?.n ?? 0 };
}

export async function getMarketingEmail(db: Queryable, id: number, forUpdate = false): Promise<MarketingEmail | null> {
  const [row] = await db.query<Row>(`SELECT ${COLUMNS} FROM marketing_emails WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toEmail(row) : null;
}

/** Marks the email sent now to `recipients` contacts. */
export async function markSent(tx: Queryable, id: number, recipients: number, at: Date): Promise<MarketingEmail> {
  const [row] = await tx.query<Row>(
    `UPDATE marketing_emails SET status = 'sent', sent_count = $2, sent_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, recipients, at],
  );
  if (!row) throw new Error(`marketing email ${id} vanished`);
  return toEmail(row);
}

/** Marketing contacts an email would go to: valid addresses that have not unsubscribed or been reported spam. */
export async function countRecipients(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM contacts
      WHERE is_marketing AND address_status = 'valid' AND NOT unsubscribed_all AND NOT spam_reported`,
  );
  return row?.n ?? 0;
}
