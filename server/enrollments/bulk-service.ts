import type { BulkUnenrollRequest, BulkUnenrollResult, UndoResult } from '../../src/contract/enrollments';
import { viewerOf, type Session } from '../http/context';
import { HttpError, badRequest, conflict, notFound } from '../http/errors';
import type { Db, Queryable } from '../store/db';
import { audit } from '../store/audit';
import {
  bulkUnenroll,
  findIdempotentAnswer,
  lockBatch,
  markBatchUndone,
  saveIdempotentAnswer,
  selectionCounts,
  undoAttentionBatch,
  undoBatch,
  unknownEnrollmentIds,
  type BulkSelection,
} from './bulk-store';
import { requireSequence } from '../sequences/service';
import { sha256Hex } from '../sessions/tokens';

const BULK_UNENROLL = 'bulk-unenroll';

/** SQLSTATE of a failed statement, from PGlite or node-postgres. */
export const sqlState = (err: unknown) => (err && typeof err === 'object' && 'code' in err ? String(err.code) : null);

/**
 * Runs `fn` in a REPEATABLE READ transaction, retried when a concurrent change makes it fail to
 * serialize: every statement of a bulk change then sees one state of the rows.
 */
export async function inSnapshot<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        return fn(tx);
      });
    } catch (err) {
      if (sqlState(err) !== '40001' && sqlState(err) !== '40P01') throw err;
      if (attempt >= 3) throw conflict('The enrollments kept changing while this ran. Try again.');
    }
  }
}

/** JSON with object keys sorted, so the same request always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const reusedKey = () =>
  new HttpError(422, 'unprocessable', 'This Idempotency-Key was already used for a different request. Use a new key.');

/**
 * Runs a many-row mutation once per user and Idempotency-Key: a replay of the same request
 * returns the first answer (`replayed`), the same key with another request is refused with 422.
 * `run` makes the change and calls `remember(tx, result)` in its transaction, so the answer is
 * kept with the change or not at all. The request is hashed as `serialize(input)`, by default
 * its canonical JSON.
 */
export async function withIdempotencyKey<T>(
  db: Db,
  a: { userId: number; operation: string; input: unknown; key: string; now: Date; serialize?: (input: unknown) => string },
  run: (remember: (tx: Queryable, result: T) => Promise<void>) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  const requestHash = await sha256Hex((a.serialize ?? canonical)(a.input));
  const replay = async () => {
    const stored = await findIdempotentAnswer(db, a.userId, a.key);
    if (!stored) return null;
    if (stored.operation !== a.operation || stored.requestHash !== requestHash) throw reusedKey();
    return { result: stored.response as T, replayed: true };
  };
  const first = await replay();
  if (first) return first;
  const remember = (tx: Queryable, result: T) =>
    saveIdempotentAnswer(tx, { userId: a.userId, key: a.key, operation: a.operation, requestHash, response: result, now: a.now });
  try {
    return { result: await run(remember), replayed: false };
  } catch (err) {
    // The same key sent twice at once: the other request won; answer as a replay.
    if (sqlState(err) === '23505') {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}

/**
 * Unenrolls the selected enrollments in one transaction (all or nothing), as one batch that
 * Undo can reverse; reps only their own, the others are counted as skipped. A replay of the
 * same Idempotency-Key by the same user returns the first answer and changes nothing.
 */
export async function bulkUnenrollSelection(
  db: Db,
  session: Session,
  input: BulkUnenrollRequest,
  idempotencyKey: string,
  now: Date,
): Promise<{ result: BulkUnenrollResult; replayed: boolean }> {
  return withIdempotencyKey<BulkUnenrollResult>(
    db,
    { userId: session.userId, operation: BULK_UNENROLL, input, key: idempotencyKey, now },
    async (remember) => {
      const viewer = viewerOf(session);
      const sequenceId = Number(input.sequenceId);
      await requireSequence(db, sequenceId, viewer);
      let selection: BulkSelection;
      if (input.by === 'ids') {
        const ids = [...new Set(input.ids.map(Number))];
        const unknown = await unknownEnrollmentIds(db, sequenceId, ids);
        if (unknown.length) {
          throw badRequest('Invalid body: body.ids.', [
            { path: 'body.ids', message: `Not enrollments of this sequence: ${unknown.slice(0, 20).join(', ')}${unknown.length > 20 ? ', …' : ''}.` },
          ]);
        }
        selection = { ids };
      } else {
        const except = [...new Set((input.except ?? []).map(Number))];
        selection = except.length ? { filter: input.filter, except } : { filter: input.filter };
      }

      return inSnapshot(db, async (tx) => {
        const counts = await selectionCounts(tx, sequenceId, selection, viewer);
        if (input.by === 'filter' && input.expectedTotal !== undefined && counts.matched !== input.expectedTotal) {
          throw conflict(
            `The selection now holds ${counts.matched} enrollments, not ${input.expectedTotal}. Check it and confirm again.`,
          );
        }
        const outcome = await bulkUnenroll(tx, { sequenceId, selection, viewer, actorId: session.userId, now, counts });
        const result: BulkUnenrollResult = { ...outcome, sequenceId: String(sequenceId) };
        await audit(tx, {
          at: now,
          actorId: session.userId,
          action: BULK_UNENROLL,
          subject: `sequence:${sequenceId}`,
          details: {
            batchId: outcome.batchId,
            count: outcome.unenrolled,
            matched: outcome.matched,
            skipped: outcome.skipped,
            ...('filter' in selection ? { filter: selection.filter } : { ids: selection.ids.length }),
          },
        });
        await remember(tx, result);
        return result;
      });
    },
  );
}

/**
 * Undoes a bulk unenroll: restores each enrollment that nothing changed since to its previous
 * status and step, and says which it left and why. Idempotent: a second Undo returns the first
 * answer. Reps undo only their own batches.
 */
export async function undoBulkUnenroll(db: Db, session: Session, batchId: number, now: Date): Promise<UndoResult> {
  return inSnapshot(db, async (tx) => {
    const batch = await lockBatch(tx, batchId);
    if (!batch || (session.user.role === 'rep' && batch.actorId !== session.userId)) throw notFound('The unenroll batch');
    if (batch.undoResult) return batch.undoResult as UndoResult;
    const action = batch.action === 'reenroll' ? 'undo-reenroll' : 'undo-unenroll';
    if (batch.sequenceId === null) {
      // A Needs attention batch: it may span sequences, each of which records its share.
      const { bySequence, ...outcome } = await undoAttentionBatch(tx, batch.id, batch.action);
      const result: UndoResult = { batchId: String(batch.id), undoneAt: now.toISOString(), ...outcome };
      await markBatchUndone(tx, batch.id, session.userId, now, result);
      for (const [sequenceId, count] of bySequence) {
        await audit(tx, {
          at: now,
          actorId: session.userId,
          action,
          subject: `sequence:${sequenceId}`,
          details: { batchId: String(batch.id), count },
        });
      }
      return result;
    }
    const outcome = await undoBatch(tx, batch.id, batch.sequenceDeleted);
    const result: UndoResult = { batchId: String(batch.id), undoneAt: now.toISOString(), ...outcome };
    await markBatchUndone(tx, batch.id, session.userId, now, result);
    await audit(tx, {
      at: now,
      actorId: session.userId,
      action,
      subject: `sequence:${batch.sequenceId}`,
      details: { batchId: String(batch.id), count: outcome.restored, notRestored: outcome.notRestoredTotal },
    });
    return result;
  });
}
