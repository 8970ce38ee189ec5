import type { UnenrollReason } from '../../src/contract/codes';
import { MAX_LISTED_ITEMS } from '../../src/contract/enrollments';
import type { ActivityEvent, ActivityResult, CreatedIntegrationKey } from '../../src/contract/integrations';
import type { KeyScope } from '../../src/contract/routes';
import { ACCOUNT_EVENTS, COMPANY_RULE_EVENTS, decideAutomaticUnenroll } from '../../src/domain/unenroll-rules';
import { findAccount } from '../account/store';
import type { Clock } from '../deps';
import type { Integration } from '../http/context';
import { audit } from '../store/audit';
import type { Db, Queryable } from '../store/db';
import { findContact } from '../contacts/store';
import { markSequenceDeleted } from '../sequences/store';
import { randomToken, sha256Hex } from '../sessions/tokens';
import { deactivateUser } from '../sessions/users-store';
import {
  activityEventResult,
  applyAutomaticUnenrolls,
  claimActivityEvent,
  insertIntegrationKey,
  revokeIntegrationKey,
  liveEnrollments,
  saveActivityEventResult,
  touchIntegrationKey,
  type LiveEnrollment,
} from './store';

const KEY_PREFIX = 'sdk_';

/** Creates an integration key. The key itself is returned once; only its hash is stored. */
export async function createIntegrationKey(
  db: Db,
  request: { name: string; scope: KeyScope },
  createdBy: number,
  now: Date,
): Promise<CreatedIntegrationKey> {
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  const keyHash = await sha256Hex(key);
  const stored = await db.transaction(async (tx) => {
    const row = await insertIntegrationKey(tx, {
      name: request.name,
      scope: request.scope,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      keyHash,
      createdBy,
      now,
    });
    await audit(tx, {
      at: now,
      actorId: createdBy,
      action: 'integration-key.create',
      subject: `integration-key:${row.id}`,
      details: { name: row.name, scope: row.scope, prefix: row.prefix },
    });
    return row;
  });
  return { ...stored, key };
}

/** Revokes a key (again is harmless); false when there is no such key. */
export async function revokeKey(db: Db, id: number, actorId: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeIntegrationKey(tx, id, now);
    if (revoked) {
      await audit(tx, { at: now, actorId, action: 'integration-key.revoke', subject: `integration-key:${id}`, details: {} });
    }
    return revoked;
  });
}

/** The integration an `Authorization: Bearer <key>` header stands for, or null. Keys are long
 * random tokens, so a plain SHA-256 is enough to store them (nothing to brute-force). */
export async function resolveIntegrationKey(db: Db, clock: Clock, authorization: string | undefined): Promise<Integration | null> {
  const match = /^Bearer\s+(\S{1,200})$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]?.startsWith(KEY_PREFIX)) return null;
  const key = await touchIntegrationKey(db, await sha256Hex(match[1]), clock.now());
  return key ? { keyId: key.id, name: key.name, scope: key.scope } : null;
}

/**
 * Applies one activity event: decides with the rules of docs/domain.md §4 which live enrollments it
 * ends and records each with its reason, in one transaction. An event id seen before changes
 * nothing and gets the first answer back (marked `duplicate`).
 */
export async function ingestActivity(db: Db, integration: Integration, event: ActivityEvent, now: Date): Promise<ActivityResult> {
  const result = await db.transaction(async (tx) => {
    const fresh = await claimActivityEvent(tx, {
      eventId: event.eventId,
      type: event.type,
      keyId: integration.keyId,
      occurredAt: event.occurredAt,
      receivedAt: now,
      payload: event,
    });
    if (!fresh) return null;
    const result = await apply(tx, event, now);
    await saveActivityEventResult(tx, event.eventId, result);
    return result;
  });
  if (result) return result;
  const first = (await activityEventResult(db, event.eventId)) as ActivityResult;
  return { ...first, duplicate: true };
}

async function apply(tx: Queryable, event: ActivityEvent, now: Date): Promise<ActivityResult> {
  // An account that was never set up counts as the free plan.
  const plan = (await findAccount(tx))?.plan ?? 'free';
  const candidates: Array<{ e: LiveEnrollment; subject: 'contact' | 'company-member' }> = [];
  let contactId: number | null = null;

  if (ACCOUNT_EVENTS.has(event.type)) {
    if (event.type === 'sequence_deleted') {
      const rows = await liveEnrollments(tx, { sequenceId: Number(event.sequenceId) });
      candidates.push(...rows.map((e) => ({ e, subject: 'contact' as const })));
      await markSequenceDeleted(tx, Number(event.sequenceId), now);
    } else if (event.type === 'user_removed') {
      const rows = await liveEnrollments(tx, { createdBy: Number(event.userId) });
      candidates.push(...rows.map((e) => ({ e, subject: 'contact' as const })));
      if (event.change === 'removed') await deactivateUser(tx, Number(event.userId));
    }
  } else if ('contact' in event) {
    const contact = await findContact(tx, event.contact);
    if (contact) {
      contactId = contact.id;
      const own = await liveEnrollments(tx, { contactId: contact.id });
      candidates.push(...own.map((e) => ({ e, subject: 'contact' as const })));
      if (contact.companyId !== null && COMPANY_RULE_EVENTS.has(event.type)) {
        const members = await liveEnrollments(tx, { companyId: contact.companyId, exceptContactId: contact.id });
        candidates.push(...members.map((e) => ({ e, subject: 'company-member' as const })));
      }
    }
  }

  const unenrolled: ActivityResult['unenrolled'] = [];
  const kept: ActivityResult['kept'] = [];
  const toUnenroll: Array<{ id: number; sequenceId: number; reason: UnenrollReason }> = [];
  let keptTotal = 0;
  for (const { e, subject } of candidates) {
    const decision = decideAutomaticUnenroll(event, {
      subject,
      enrollment: {
        status: e.status,
        enrolledBy: String(e.enrolledBy),
        enrolledAt: e.enrolledAt,
        contactEmail: e.contactEmail,
      },
      senderAddresses: e.senderAddresses,
      sequence: { id: String(e.sequenceId), createdBy: String(e.sequenceCreatedBy), unenrollSameCompany: e.unenrollSameCompany },
      plan,
    });
    if (decision.unenroll) {
      toUnenroll.push({ id: e.id, sequenceId: e.sequenceId, reason: decision.reason });
      if (unenrolled.length < MAX_LISTED_ITEMS) {
        unenrolled.push({
          enrollmentId: String(e.id),
          contactId: String(e.contactId),
          sequenceId: String(e.sequenceId),
          reason: decision.reason,
          scope: decision.scope,
        });
      }
    } else {
      keptTotal++;
      if (kept.length < MAX_LISTED_ITEMS) kept.push({ enrollmentId: String(e.id), status: e.status, why: decision.why });
    }
  }
  await applyAutomaticUnenrolls(tx, toUnenroll, now, { eventId: event.eventId, type: event.type });
  return {
    eventId: event.eventId,
    duplicate: false,
    contactId: contactId === null ? null : String(contactId),
    unenrolledTotal: toUnenroll.length,
    unenrolled,
    keptTotal,
    kept,
  };
}
