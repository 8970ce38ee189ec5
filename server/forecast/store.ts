import type { InboxProvider } from '../../src/contract/codes';
import type { Queryable } from '../store/db';

// Reads and writes of the send forecast and Spread (migration 011). A scheduled send is an
// active enrollment whose current step is an email step, in a sequence that is not deleted,
// due at next_step_at from its inbox. Days are calendar days in the account's time zone.

/** The WHERE of a scheduled send of enrollment `e` with its step `st` and sequence `s`. */
const SCHEDULED_SEND = `e.status = 'active' AND st.type IN ('automated_email', 'manual_email') AND s.deleted_at IS NULL`;
const JOINS = `JOIN sequence_steps st ON st.sequence_id = e.sequence_id AND st.position = e.current_step
               JOIN sequences s ON s.id = e.sequence_id`;
/** [from, from + days) as instants: local midnights of the account's zone ($tz). */
const range = (tz: string, from: string, days: string) =>
  `e.next_step_at >= (${from}::date::timestamp AT TIME ZONE ${tz})
   AND e.next_step_at < ((${from}::date + ${days}::int)::timestamp AT TIME ZONE ${tz})`;
const localDay = (tz: string) => `((e.next_step_at AT TIME ZONE ${tz})::date)::text`;

export async function accountTimeZone(db: Queryable): Promise<string> {
  const [row] = await db.query<{ time_zone: string }>('SELECT time_zone FROM account WHERE id = 1');
  return row?.time_zone ?? 'UTC';
}

export interface InboxRow {
  id: number;
  address: string;
  provider: InboxProvider;
  connected: boolean;
  dailyLimit: number;
  userId: number;
  ownerName: string;
}

/** Inboxes by owner (`userId`) and / or id, by owner name then address. */
export async function findInboxes(db: Queryable, where: { userId?: number; inboxId?: number }): Promise<InboxRow[]> {
  const params: unknown[] = [];
  const conds = ['true'];
  if (where.userId !== undefined) conds.push(`i.user_id = $${params.push(where.userId)}`);
  if (where.inboxId !== undefined) conds.push(`i.id = $${params.push(where.inboxId)}`);
  const rows = await db.query<{
    id: number;
    address: string;
    provider: InboxProvider;
    connected: boolean;
    daily_limit: number;
    user_id: number;
    owner_name: string;
  }>(
    `SELECT i.id, i.address, i.provider, i.connected, i.daily_limit, i.user_id, u.name AS owner_name
       FROM inboxes i JOIN users u ON u.id = i.user_id
      WHERE ${conds.join(' AND ')}
      ORDER BY u.name, i.address, i.id`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    address: r.address,
    provider: r.provider,
    connected: r.connected,
    dailyLimit: r.daily_limit,
    userId: r.user_id,
    ownerName: r.owner_name,
  }));
}

/**
 * Scheduled sends per inbox and local day, for `days` days from `from`. The week's rows are
 * first counted per sequence and step from the index alone; only those few groups are then
 * checked against the steps (email or not) and the sequences (deleted or not).
 */
export async function scheduledPerDay(
  db: Queryable,
  inboxIds: readonly number[],
  tz: string,
  from: string,
  days: number,
): Promise<Array<{ inboxId: number; day: string; count: number }>> {
  if (!inboxIds.length) return [];
  const rows = await db.query<{ inbox_id: number; day: string; n: number }>(
    `WITH g AS (
       SELECT e.inbox_id, ${localDay('$2')} AS day, e.sequence_id, e.current_step, count(*) AS n
         FROM enrollments e
        WHERE e.inbox_id = ANY($1::int[]) AND e.status = 'active' AND ${range('$2', '$3', '$4')}
        GROUP BY 1, 2, 3, 4
     )
     SELECT g.inbox_id, g.day, sum(g.n)::int AS n
       FROM g
       JOIN sequence_steps st ON st.sequence_id = g.sequence_id AND st.position = g.current_step
       JOIN sequences s ON s.id = g.sequence_id
      WHERE st.type IN ('automated_email', 'manual_email') AND s.deleted_at IS NULL
      GROUP BY 1, 2`,
    [inboxIds, tz, from, days],
  );
  return rows.map((r) => ({ inboxId: r.inbox_id, day: r.day, count: Number(r.n) }));
}

export interface OverflowRow {
  id: number;
  inboxId: number;
  day: string;
  sequenceId: number;
  sequenceName: string;
  step: number;
  at: Date;
  version: number;
}

/**
 * The sends beyond the pause point on the given (inbox, day) pairs: each day's sends in time
 * order (then by id), after the first `pauseAt`. Earliest first.
 */
export async function overflowSends(
  db: Queryable,
  tz: string,
  over: ReadonlyArray<{ inboxId: number; day: string; pauseAt: number }>,
  options: { forUpdate?: boolean } = {},
): Promise<OverflowRow[]> {
  if (!over.length) return [];
  const rows = await db.query<{
    id: number;
    inbox_id: number;
    day: string;
    sequence_id: number;
    sequence_name: string;
    step: number;
    at: Date | string;
    version: number;
  }>(
    `WITH pairs AS (
       SELECT * FROM unnest($2::int[], $3::date[], $4::int[]) AS p(inbox_id, day, pause_at)
     ),
     ranked AS (
       SELECT e.id, e.inbox_id, p.day, e.sequence_id, e.current_step, e.next_step_at, e.version, p.pause_at,
              row_number() OVER (PARTITION BY e.inbox_id, p.day ORDER BY e.next_step_at, e.id) AS n
         FROM pairs p
         JOIN enrollments e ON e.inbox_id = p.inbox_id
          AND e.next_step_at >= (p.day::timestamp AT TIME ZONE $1)
          AND e.next_step_at < ((p.day + 1)::timestamp AT TIME ZONE $1)
         ${JOINS}
        WHERE ${SCHEDULED_SEND}
     )
     SELECT r.id, r.inbox_id, r.day::text AS day, r.sequence_id, s.name AS sequence_name, r.current_step AS step,
            r.next_step_at AS at, r.version
       FROM ranked r JOIN sequences s ON s.id = r.sequence_id
      WHERE r.n > r.pause_at
      ORDER BY r.next_step_at, r.id`,
    [tz, over.map((o) => o.inboxId), over.map((o) => o.day), over.map((o) => o.pauseAt)],
  );
  if (options.forUpdate && rows.length) {
    // Lock what Spread will move, so a concurrent change waits or fails to serialize.
    await db.query('SELECT id FROM enrollments WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [rows.map((r) => r.id)]);
  }
  return rows.map((r) => ({
    id: r.id,
    inboxId: r.inbox_id,
    day: r.day,
    sequenceId: r.sequence_id,
    sequenceName: r.sequence_name,
    step: r.step,
    at: new Date(r.at),
    version: r.version,
  }));
}

/**
 * Moves each send by whole days of the account's zone, keeping its local time of day, if it
 * is still the version read. Returns what moved, with its new time and version.
 */
export async function moveSends(
  tx: Queryable,
  tz: string,
  moves: ReadonlyArray<{ id: number; days: number; version: number }>,
): Promise<Array<{ id: number; at: Date; version: number }>> {
  if (!moves.length) return [];
  const rows = await tx.query<{ id: number; at: Date | string; version: number }>(
    `UPDATE enrollments e
        SET next_step_at = ((e.next_step_at AT TIME ZONE $1) + m.days * interval '1 day') AT TIME ZONE $1,
            version = e.version + 1
       FROM unnest($2::int[], $3::int[], $4::int[]) AS m(id, days, version)
      WHERE e.id = m.id AND e.version = m.version AND e.status = 'active'
      RETURNING e.id, e.next_step_at AS at, e.version`,
    [tz, moves.map((m) => m.id), moves.map((m) => m.days), moves.map((m) => m.version)],
  );
  return rows.map((r) => ({ id: r.id, at: new Date(r.at), version: r.version }));
}

export async function insertSpread(
  tx: Queryable,
  s: {
    inboxId: number;
    actorId: number;
    now: Date;
    moved: number;
    items: ReadonlyArray<{ id: number; prevAt: Date; newAt: Date; version: number }>;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO send_spreads (inbox_id, actor_id, created_at, moved, result) VALUES ($1, $2, $3, $4, '{}'::jsonb) RETURNING id`,
    [s.inboxId, s.actorId, s.now, s.moved],
  );
  const id = (row as { id: number }).id;
  if (s.items.length) {
    await tx.query(
      `INSERT INTO send_spread_items (spread_id, enrollment_id, prev_at, new_at, version)
       SELECT $1, * FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[], $5::int[])`,
      [id, s.items.map((i) => i.id), s.items.map((i) => i.prevAt), s.items.map((i) => i.newAt), s.items.map((i) => i.version)],
    );
  }
  return id;
}

export async function saveSpreadResult(tx: Queryable, id: number, result: unknown): Promise<void> {
  await tx.query('UPDATE send_spreads SET result = $2 WHERE id = $1', [id, JSON.stringify(result)]);
}

export async function lockSpread(
  tx: Queryable,
  id: number,
): Promise<{ id: number; inboxId: number; actorId: number; moved: number; undoResult: unknown } | null> {
  const [row] = await tx.query<{ id: number; inbox_id: number; actor_id: number; moved: number; undo_result: unknown }>(
    'SELECT id, inbox_id, actor_id, moved, undo_result FROM send_spreads WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row ? { id: row.id, inboxId: row.inbox_id, actorId: row.actor_id, moved: row.moved, undoResult: row.undo_result } : null;
}

/** Puts back every moved send that nothing changed since; returns how many. */
export async function restoreSpread(tx: Queryable, id: number): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `UPDATE enrollments e
        SET next_step_at = i.prev_at, version = e.version + 1
       FROM send_spread_items i
      WHERE i.spread_id = $1 AND e.id = i.enrollment_id AND e.version = i.version
        AND e.status = 'active' AND e.next_step_at = i.new_at
      RETURNING e.id`,
    [id],
  );
  return rows.length;
}

export async function markSpreadUndone(tx: Queryable, id: number, by: number, now: Date, result: unknown): Promise<void> {
  await tx.query('UPDATE send_spreads SET undone_at = $2, undone_by = $3, undo_result = $4 WHERE id = $1', [
    id,
    now,
    by,
    JSON.stringify(result),
  ]);
}
