import type { Queryable } from './db';

/** Appends an entry to the audit log (call it in the transaction of the change it records). */
export async function audit(
  tx: Queryable,
  entry: { at: Date; actorId: number | null; action: string; subject: string; details: Record<string, unknown> },
): Promise<void> {
  await tx.query('INSERT INTO audit_log (at, actor_id, action, subject, details) VALUES ($1, $2, $3, $4, $5)', [
    entry.at,
    entry.actorId,
    entry.action,
    entry.subject,
    JSON.stringify(entry.details),
  ]);
}
