import type { ScheduledQuery, SequenceSettings } from '../../src/contract/sequences';
import { viewerOf, type Session, type Viewer } from '../http/context';
import { forbidden, notFound } from '../http/errors';
import { audit } from '../store/audit';
import type { Db, Queryable } from '../store/db';
import { findVisibleSequence, listHistory, listScheduled, setUnenrollSameCompany } from './store';

/** The sequence if the viewer may see it (reps: ones they own or enrolled in), else 404. */
export async function requireSequence(
  db: Queryable,
  id: number,
  viewer: Viewer,
): Promise<{ id: number; name: string; ownerId: number; steps: number }> {
  const sequence = await findVisibleSequence(db, id, viewer);
  if (!sequence) throw notFound('The sequence');
  return sequence;
}

/** A page of the sequence's History (audit log), newest first. */
export async function sequenceHistory(
  db: Db,
  session: Session,
  sequenceId: number,
  limit: number,
  after: [string, number] | null,
) {
  await requireSequence(db, sequenceId, viewerOf(session));
  return listHistory(db, sequenceId, limit, after);
}

/** A page of upcoming steps; reps see only their own enrollments. */
export async function scheduledSteps(
  db: Db,
  session: Session,
  sequenceId: number,
  query: Omit<ScheduledQuery, 'cursor' | 'limit'>,
  limit: number,
  after: [string, number] | null,
) {
  const viewer = viewerOf(session);
  await requireSequence(db, sequenceId, viewer);
  return listScheduled(db, sequenceId, query, viewer, limit, after);
}

/** Changes a sequence's settings: managers and admins, or the rep who owns it. */
export async function updateSequenceSettings(
  db: Db,
  session: Session,
  sequenceId: number,
  unenrollSameCompany: boolean,
  now: Date,
): Promise<SequenceSettings> {
  const seq = await requireSequence(db, sequenceId, viewerOf(session));
  if (session.user.role === 'rep' && seq.ownerId !== session.userId) {
    throw forbidden('Only the owner of the sequence, a manager or an admin can change its settings.');
  }
  await db.transaction(async (tx) => {
    await setUnenrollSameCompany(tx, sequenceId, unenrollSameCompany);
    await audit(tx, {
      at: now,
      actorId: session.userId,
      action: 'settings',
      subject: `sequence:${sequenceId}`,
      details: { unenrollSameCompany },
    });
  });
  return { id: String(sequenceId), unenrollSameCompany };
}
