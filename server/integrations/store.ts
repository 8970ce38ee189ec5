import type { EnrollmentStatus, UnenrollReason } from '../../src/contract/codes';
import type { IntegrationKey } from '../../src/contract/integrations';
import type { KeyScope } from '../../src/contract/routes';
import { LIVE } from '../enrollments/store';
import type { Queryable } from '../store/db';

// SQL of the activity feed: the integration keys that authenticate it, the events it received
// (each applied once), and the live enrollments its rules end.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// ---------------------------------------------------------------------------------------------
// Integration keys

const KEY_SELECT = `k.id, k.name, k.prefix, k.scope, k.created_at, k.created_by, u.name AS created_by_name, k.last_used_at, k.revoked_at`;

type KeyRow = {
  id: number;
  name: string;
  prefix: string;
  scope: KeyScope;
  created_at: Date;
  created_by: number;
  created_by_name: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const toKey = (r: KeyRow): IntegrationKey => ({
  id: String(r.id),
  name: r.name,
  prefix: r.prefix,
  scope: r.scope,
  createdAt: iso(r.created_at) as string,
  createdBy: { id: String(r.created_by), name: r.created_by_name },
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

export async function insertIntegrationKey(
  db: Queryable,
  k: { name: string; prefix: string; scope: KeyScope; keyHash: string; createdBy: number; now: Date },
): Promise<IntegrationKey> {
  const [row] = await db.query<KeyRow>(
    `WITH k AS (
       INSERT INTO integration_keys (name, prefix, scope, key_hash, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
     SELECT ${KEY_SELECT} FROM k JOIN users u ON u.id = k.created_by`,
    [k.name, k.prefix, k.scope, k.keyHash, k.createdBy, k.now],
  );
  return toKey(row!);
}

export async function listIntegrationKeys(db: Queryable): Promise<IntegrationKey[]> {
  const rows = await db.query<KeyRow>(
    `SELECT ${KEY_SELECT} FROM integration_keys k JOIN users u ON u.id = k.created_by ORDER BY k.created_at DESC, k.id DESC`,
  );
  return rows.map(toKey);
}

/** Revokes a key; false when there is no such key. */
export async function revokeIntegrationKey(db: Queryable, id: number, now: Date): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    'UPDATE integration_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING id',
    [id, now],
  );
  return rows.length > 0;
}

/** The live key with this hash, marked as used now; null when unknown or revoked. */
export async function touchIntegrationKey(
  db: Queryable,
  keyHash: string,
  now: Date,
): Promise<{ id: number; name: string; scope: KeyScope } | null> {
  const [row] = await db.query<{ id: number; name: string; scope: KeyScope }>(
    'UPDATE integration_keys SET last_used_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id, name, scope',
    [keyHash, now],
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Activity events

/** Claims an event id for this transaction; false when it was seen before. */
export async function claimActivityEvent(
  tx: Queryable,
  e: { eventId: string; type: string; keyId: number; occurredAt: string; receivedAt: Date; payload: unknown },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO activity_events (event_id, type, key_id, occurred_at, received_at, payload, result)
     VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb)
     ON CONFLICT (event_id) DO NOTHING RETURNING 1`,
    [e.eventId, e.type, e.keyId, e.occurredAt, e.receivedAt, JSON.stringify(e.payload)],
  );
  return rows.length > 0;
}

export async function activityEventResult(db: Queryable, eventId: string): Promise<unknown> {
  const [row] = await db.query<{ result: unknown }>('SELECT result FROM activity_events WHERE event_id = $1', [eventId]);
  return row?.result ?? null;
}

export async function saveActivityEventResult(tx: Queryable, eventId: string, result: unknown): Promise<void> {
  await tx.query('UPDATE activity_events SET result = $2 WHERE event_id = $1', [eventId, JSON.stringify(result)]);
}

// ---------------------------------------------------------------------------------------------
// What the unenroll rules act on

/** A live enrollment with what the unenroll rules look at. */
export interface LiveEnrollment {
  id: number;
  contactId: number;
  contactEmail: string;
  sequenceId: number;
  status: EnrollmentStatus;
  enrolledBy: number;
  enrolledAt: Date;
  sequenceCreatedBy: number;
  unenrollSameCompany: boolean;
  senderAddresses: string[];
}

export type LiveScope =
  | { contactId: number }
  | { companyId: number; exceptContactId: number }
  | { sequenceId: number }
  | { createdBy: number };

/** Live (active or paused) enrollments of undeleted sequences in a scope, locked. */
export async function liveEnrollments(tx: Queryable, scope: LiveScope): Promise<LiveEnrollment[]> {
  const [cond, params] =
    'contactId' in scope
      ? ['e.contact_id = $1', [scope.contactId]]
      : 'companyId' in scope
        ? ['e.contact_id IN (SELECT c.id FROM contacts c WHERE c.company_id = $1 AND c.id <> $2)', [scope.companyId, scope.exceptContactId]]
        : 'sequenceId' in scope
          ? ['e.sequence_id = $1', [scope.sequenceId]]
          : ['s.created_by = $1', [scope.createdBy]];
  const rows = await tx.query<{
    id: number;
    contact_id: number;
    contact_email: string;
    sequence_id: number;
    status: EnrollmentStatus;
    enrolled_by: number;
    enrolled_at: Date;
    created_by: number;
    unenroll_same_company: boolean;
    senders: string[] | null;
  }>(
    `SELECT e.id, e.contact_id, e.contact_email, e.sequence_id, e.status, e.enrolled_by, e.enrolled_at,
            s.created_by, s.unenroll_same_company,
            (SELECT array_agg(i.address ORDER BY i.id) FROM inboxes i WHERE i.user_id = e.enrolled_by) AS senders
       FROM enrollments e JOIN sequences s ON s.id = e.sequence_id
      WHERE ${cond} AND e.status IN ${LIVE} AND s.deleted_at IS NULL
      ORDER BY e.id
      FOR UPDATE OF e`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactEmail: r.contact_email,
    sequenceId: r.sequence_id,
    status: r.status,
    enrolledBy: r.enrolled_by,
    enrolledAt: new Date(r.enrolled_at),
    sequenceCreatedBy: r.created_by,
    unenrollSameCompany: r.unenroll_same_company,
    senderAddresses: r.senders ?? [],
  }));
}

/** Unenrolls enrollments automatically, each with its reason, and writes one audit entry per
 * sequence and reason. */
export async function applyAutomaticUnenrolls(
  tx: Queryable,
  rows: Array<{ id: number; sequenceId: number; reason: UnenrollReason }>,
  now: Date,
  event: { eventId: string; type: string },
): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `UPDATE enrollments e
        SET status = 'unenrolled', unenroll_reason = v.reason, unenrolled_by = NULL, unenrolled_at = $3,
            next_step_at = NULL, version = e.version + 1
       FROM unnest($1::int[], $2::text[]) AS v(id, reason)
      WHERE e.id = v.id AND e.status IN ${LIVE}`,
    [rows.map((r) => r.id), rows.map((r) => r.reason), now],
  );
  await tx.query(
    `INSERT INTO audit_log (at, actor_id, action, subject, details)
     SELECT $3, NULL, 'auto-unenroll', 'sequence:' || v.sequence_id,
            jsonb_build_object('count', count(*), 'reason', v.reason, 'eventId', $4::text, 'eventType', $5::text)
       FROM unnest($1::int[], $2::text[]) AS v(sequence_id, reason)
      GROUP BY v.sequence_id, v.reason
      ORDER BY v.sequence_id, v.reason`,
    [rows.map((r) => r.sequenceId), rows.map((r) => r.reason), now, event.eventId, event.type],
  );
}
