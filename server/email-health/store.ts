import { NotSentReason } from '../../src/contract/codes';
import type { EmailKind, NotSentEmail } from '../../src/contract/email-health';
import type { EmailCounts } from '../../src/domain/health';
import { notSentGroupOf } from '../../src/domain/health';
import { fetchLimit, keysetPage, type KeysetPage } from '../http/cursor';
import type { Queryable } from '../store/db';
import { likePattern } from '../store/sql';

// Reads for the email health view. The figures come from the daily rollups of migration 003
// (email_daily, email_not_sent_daily), never from email_events, so their cost does not grow
// with history; the not-sent lists read email_events through its not-sent index.

export interface DailyProviderCounts extends EmailCounts {
  /** YYYY-MM-DD, UTC. */
  day: string;
  provider: string;
}

/** Marketing (or sales) rollups per day and provider, for days in [from, to). */
export async function dailyCounts(db: Queryable, kind: EmailKind, from: string, toExclusive: string): Promise<DailyProviderCounts[]> {
  const rows = await db.query<{
    day: string;
    provider: string;
    sent: number;
    delivered: number;
    hard_bounces: number;
    soft_bounces: number;
    spam_reports: number;
    unsubscribes: number;
    opened: number;
    clicked: number;
  }>(
    // day as text: node-postgres would turn a date into a local-midnight Date.
    `SELECT day::text AS day, provider, sent, delivered, hard_bounces, soft_bounces, spam_reports, unsubscribes, opened, clicked
       FROM email_daily
      WHERE kind = $1 AND day >= $2::date AND day < $3::date`,
    [kind, from, toExclusive],
  );
  return rows.map((r) => ({
    day: r.day,
    provider: r.provider,
    sent: r.sent,
    delivered: r.delivered,
    hardBounces: r.hard_bounces,
    softBounces: r.soft_bounces,
    spamReports: r.spam_reports,
    unsubscribes: r.unsubscribes,
    opened: r.opened,
    clicked: r.clicked,
  }));
}

export interface NotSentCount {
  reason: NotSentReason;
  kind: EmailKind;
  count: number;
}

/** Emails not sent per reason and kind, for days in [from, to). Unknown reasons are left out. */
export async function notSentCounts(db: Queryable, from: string, toExclusive: string): Promise<NotSentCount[]> {
  const rows = await db.query<{ reason: string; kind: EmailKind; count: number }>(
    `SELECT reason, kind, sum(count)::int AS count
       FROM email_not_sent_daily
      WHERE day >= $1::date AND day < $2::date
      GROUP BY reason, kind
     HAVING sum(count) > 0`,
    [from, toExclusive],
  );
  return rows.flatMap((r) => {
    const reason = NotSentReason.safeParse(r.reason);
    return reason.success ? [{ reason: reason.data, kind: r.kind, count: r.count }] : [];
  });
}

export interface NotSentFilter {
  startsAt: Date;
  endsAt: Date;
  reason?: NotSentReason;
  kind?: EmailKind;
  q?: string;
}

const KINDS: readonly EmailKind[] = ['sales', 'marketing'];

/** The WHERE clause shared by the page and its total: $1..$5. */
const NOT_SENT_WHERE = `
      e.kind = ANY($1::text[])
  AND e.not_sent_reason IS NOT NULL
  AND ($2::text IS NULL OR e.not_sent_reason = $2)
  AND e.occurred_at >= $3 AND e.occurred_at < $4
  AND ($5::text IS NULL OR (c.first_name || ' ' || c.last_name || ' ' || c.email) ILIKE $5)`;

const notSentParams = (f: NotSentFilter) => [f.kind ? [f.kind] : KINDS, f.reason ?? null, f.startsAt, f.endsAt, f.q ? likePattern(f.q) : null];

interface NotSentRow {
  id: number;
  occurred_at: Date;
  kind: EmailKind;
  reason: string;
  contact_id: number;
  name: string;
  email: string;
}

const toNotSentEmail = (r: NotSentRow): NotSentEmail => {
  const reason = NotSentReason.catch('UNDETERMINED').parse(r.reason);
  return {
    id: String(r.id),
    contact: { id: String(r.contact_id), name: r.name, email: r.email },
    occurredAt: new Date(r.occurred_at).toISOString(),
    kind: r.kind,
    reason,
    group: notSentGroupOf(reason),
  };
};

/**
 * One keyset page of emails not sent in a window, newest first (occurred_at, id descending),
 * after `after` = [occurred_at in epoch microseconds, id] of the previous page's last row
 * (microseconds, not an ISO string: milliseconds would lose rows that share one).
 */
export async function listNotSent(
  db: Queryable,
  filter: NotSentFilter,
  limit: number,
  after: [number, number] | null,
): Promise<KeysetPage<NotSentEmail, [number, number]>> {
  const rows = await db.query<NotSentRow & { us: number }>(
    `SELECT e.id, e.occurred_at, (extract(epoch FROM e.occurred_at) * 1000000)::bigint AS us, e.kind,
            e.not_sent_reason AS reason, c.id AS contact_id, c.first_name || ' ' || c.last_name AS name, c.email
       FROM email_events e JOIN contacts c ON c.id = e.contact_id
      WHERE ${NOT_SENT_WHERE}
        AND ($6::bigint IS NULL
             OR (e.occurred_at, e.id) < ('epoch'::timestamptz + $6::bigint * interval '1 microsecond', $7::bigint))
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT $8`,
    [...notSentParams(filter), after?.[0] ?? null, after?.[1] ?? null, fetchLimit(limit)],
  );
  return keysetPage(rows, limit, toNotSentEmail, (r): [number, number] => [Number(r.us), Number(r.id)]);
}

export async function countNotSent(db: Queryable, filter: NotSentFilter): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM email_events e JOIN contacts c ON c.id = e.contact_id WHERE ${NOT_SENT_WHERE}`,
    notSentParams(filter),
  );
  return row?.n ?? 0;
}

export const CONTACT_NOT_SENT_LIMIT = 500;

/** Every email not sent to a contact, newest first (at most CONTACT_NOT_SENT_LIMIT), and how many. */
export async function notSentOfContact(
  db: Queryable,
  contactId: number,
): Promise<{ items: Array<Omit<NotSentEmail, 'contact'>>; total: number }> {
  const rows = await db.query<{ id: number; occurred_at: Date; kind: EmailKind; reason: string; total: number }>(
    `SELECT id, occurred_at, kind, not_sent_reason AS reason, count(*) OVER ()::int AS total
       FROM email_events
      WHERE contact_id = $1 AND not_sent_reason IS NOT NULL
      ORDER BY occurred_at DESC, id DESC
      LIMIT $2`,
    [contactId, CONTACT_NOT_SENT_LIMIT],
  );
  return {
    items: rows.map((r) => {
      const { contact: _contact, ...rest } = toNotSentEmail({ ...r, contact_id: contactId, name: '', email: '' });
      return rest;
    }),
    total: rows[0]?.total ?? 0,
  };
}
