import { viewerOf, type Session } from '../http/context';
import { HttpError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import type { Db } from '../store/db';
import type { Enrollment, EnrollRequest, EnrollResult } from '../../src/contract/enrollments';
import { reenrollStep } from '../../src/domain/enrollment-problems';
import { enrollmentRefusal } from '../../src/domain/eligibility';
import { audit } from '../store/audit';
import { findInbox } from '../inboxes/store';
import { requireSequence } from '../sequences/service';
import { advanceStep, getEnrollment, lockEnrollment, markFinished, markReenrolled, markUnenrolled } from './store';

/** The sequence if the viewer may see it (reps: ones they own or enrolled in), else 404. */
/** Unenrolls one contact by hand; reps only their own enrollments. Figures are kept. */
export async function unenrollOne(db: Db, session: Session, id: number, now: Date): Promise<Enrollment> {
  const viewer = viewerOf(session);
  await db.transaction(async (tx) => {
    const e = await lockEnrollment(tx, id);
    if (!e || (viewer.onlyOwn && e.enrolledBy !== viewer.userId)) throw notFound('The enrollment');
    if (e.status === 'unenrolled') throw conflict('This contact is already unenrolled.');
    if (e.status === 'finished') throw conflict('This enrollment has already finished.');
    if (e.status === 'failed') throw conflict('This contact was never enrolled, so there is nothing to unenroll.');
    await markUnenrolled(tx, id, 'MANUAL', session.userId, now);
    await audit(tx, {
      at: now,
      actorId: session.userId,
      action: 'unenroll',
      subject: `sequence:${e.sequenceId}`,
      details: { enrollmentIds: [id], count: 1 },
    });
  });
  return (await getEnrollment(db, id)) as Enrollment;
}

/** Re-enrolls a paused contact at the step its send problem allows; 409 otherwise. */
export async function reenroll(db: Db, session: Session, id: number, step: number, now: Date): Promise<Enrollment> {
  const viewer = viewerOf(session);
  await db.transaction(async (tx) => {
    const e = await lockEnrollment(tx, id);
    if (!e || (viewer.onlyOwn && e.enrolledBy !== viewer.userId)) throw notFound('The enrollment');
    if (step > e.totalSteps) {
      throw badRequest('Invalid body: body.step.', [
        { path: 'body.step', message: `The sequence has ${e.totalSteps} steps.` },
      ]);
    }
    if (e.status !== 'paused') throw conflict('Only a paused enrollment can be re-enrolled.');
    const decision = reenrollStep(e.emailError, e.currentStep, e.totalSteps, e.inboxConnected, step);
    if (!decision.ok) {
      const why: Record<typeof decision.reason, string> = {
        'no-send-problem': 'This problem cannot be fixed by re-enrolling.',
        'inbox-disconnected': 'Reconnect the inbox before re-enrolling at this step.',
        'no-following-step': 'There is no following step to re-enroll at.',
        'wrong-step': 'This problem allows re-enrolling only at a different step.',
      };
      throw new HttpError(409, 'conflict', why[decision.reason]);
    }
    await markReenrolled(tx, id, decision.step, now);
    await audit(tx, {
      at: now,
      actorId: session.userId,
      action: 'reenroll',
      subject: `sequence:${e.sequenceId}`,
      details: { enrollmentId: id, step: decision.step },
    });
  });
  return (await getEnrollment(db, id)) as Enrollment;
}

/**
 * Enrolls contacts as the caller, checking each against docs/domain.md §1 from its own state.
 * A refused contact is recorded as a failed enrollment with its code, so the flag shows.
 */
export async function enrollContacts(
  db: Db,
  session: Session,
  sequenceId: number,
  input: EnrollRequest,
  now: Date,
): Promise<EnrollResult> {
  const seq = await requireSequence(db, sequenceId, viewerOf(session));
  if (input.step > seq.steps) {
    throw badRequest('Invalid body: body.step.', [{ path: 'body.step', message: `The sequence has ${seq.steps} steps.` }]);
  }
  const inboxId = Number(input.inboxId);
  const inbox = await findInbox(db, inboxId);
  if (!inbox) throw badRequest('Invalid body: body.inboxId.', [{ path: 'body.inboxId', message: 'Unknown inbox.' }]);
  if (inbox.userId !== session.userId) throw forbidden('You can enroll contacts only from your own inbox.');
  const ids = [...new Set(input.contactIds.map(Number))];

  return db.transaction(async (tx) => {
    const facts = await tx.query<{
      id: number;
      blocked_address: boolean;
      blocked_domain: boolean;
      address_bounced: boolean;
      bounced_portal: boolean;
      bounced_global: boolean;
      spam_reported: boolean;
      unsubscribed_all: boolean;
      unsubscribed_sales: boolean;
      rejected_here: boolean;
      active_in: number | null;
      active_in_name: string | null;
    }>(
      `SELECT c.id, c.blocked_address, c.blocked_domain, c.address_status = 'bounced' AS address_bounced,
              c.bounced_portal, c.bounced_global, c.spam_reported, c.unsubscribed_all, c.unsubscribed_sales,
              EXISTS (SELECT 1 FROM enrollments x WHERE x.contact_id = c.id AND x.sequence_id = $2
                        AND x.enroll_error = 'OTHER_SEND_REJECTED') AS rejected_here,
              a.sequence_id AS active_in, a.name AS active_in_name
         FROM contacts c
         LEFT JOIN LATERAL (
           SELECT x.sequence_id, s.name FROM enrollments x JOIN sequences s ON s.id = x.sequence_id
            WHERE x.contact_id = c.id AND x.status IN ('active', 'paused') AND s.deleted_at IS NULL
            LIMIT 1) a ON true
        WHERE c.id = ANY($1::int[])`,
      [ids, sequenceId],
    );
    const found = new Map(facts.map((f) => [f.id, f]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw badRequest('Invalid body: body.contactIds.', [
        { path: 'body.contactIds', message: `Unknown contacts: ${missing.join(', ')}.` },
      ]);
    }
    const results: EnrollResult['results'] = [];
    for (const id of ids) {
      const f = found.get(id)!;
      const code = enrollmentRefusal({
        blockedAddress: f.blocked_address,
        blockedDomain: f.blocked_domain,
        addressBounced: f.address_bounced,
        bouncedOnPortal: f.bounced_portal,
        bouncedGlobally: f.bounced_global,
        spamReported: f.spam_reported,
        unsubscribedAll: f.unsubscribed_all,
        unsubscribedSales: f.unsubscribed_sales,
        rejectedInThisSequence: f.rejected_here,
        activeInSequenceId: f.active_in,
      });
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO enrollments (sequence_id, contact_id, enrolled_by, inbox_id, status, current_step, enroll_error,
                                  related_sequence_id, enrolled_at, next_step_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9) RETURNING id`,
        [
          sequenceId,
          id,
          session.userId,
          inboxId,
          code ? 'failed' : 'active',
          input.step,
          code,
          code === 'ALREADY_ENROLLED' ? f.active_in : null,
          now,
          code ? null : now,
        ],
      );
      results.push({
        contactId: String(id),
        outcome: code ? 'refused' : 'enrolled',
        code,
        enrollmentId: code ? null : String(row!.id),
        relatedSequence:
          code === 'ALREADY_ENROLLED' && f.active_in ? { id: String(f.active_in), name: f.active_in_name ?? '' } : null,
      });
    }
    await audit(tx, {
      at: now,
      actorId: session.userId,
      action: 'enroll',
      subject: `sequence:${sequenceId}`,
      details: { enrolled: results.filter((r) => r.outcome === 'enrolled').length, refused: results.filter((r) => r.outcome === 'refused').length },
    });
    return { results };
  });
}

/**
 * Completes the current step of an active enrollment: it moves on to the next step, or, after
 * the last one, finishes with reason FINISHED (docs/domain.md §4 rule 10). `step` must be the
 * current step, so a retried request cannot skip one.
 */
export async function completeStep(db: Db, session: Session, id: number, step: number, now: Date): Promise<Enrollment> {
  const viewer = viewerOf(session);
  await db.transaction(async (tx) => {
    const e = await lockEnrollment(tx, id);
    if (!e || (viewer.onlyOwn && e.enrolledBy !== viewer.userId)) throw notFound('The enrollment');
    if (e.status !== 'active') throw conflict('Only an active enrollment has a step to complete.');
    if (step !== e.currentStep) throw conflict(`Step ${step} is not the current step (${e.currentStep}).`);
    if (e.currentStep < e.totalSteps) await advanceStep(tx, id, now);
    else await markFinished(tx, id, now);
  });
  return (await getEnrollment(db, id)) as Enrollment;
}
