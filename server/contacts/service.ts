import type { ImportContactsRequest, ImportContactsResult } from '../../src/contract/contacts';
import type { Session } from '../http/context';
import { HttpError } from '../http/errors';
import type { Db } from '../store/db';
import { audit } from '../store/audit';
import { findIdempotentAnswer, saveIdempotentAnswer } from '../enrollments/bulk-store';
import { sha256Hex } from '../sessions/tokens';
import { importContactRows } from './store';

const IMPORT_CONTACTS = 'import-contacts';

/** SQLSTATE of a failed statement, from PGlite or node-postgres. */
const sqlState = (err: unknown) => (err && typeof err === 'object' && 'code' in err ? String(err.code) : null);

/**
 * Imports one batch of already validated rows in one transaction (all or nothing): creates the
 * addresses not seen before, updates the others where a field differs, and counts the rest as
 * unchanged. A replay of the same Idempotency-Key by the same user returns the first answer and
 * writes nothing.
 */
export async function importContacts(
  db: Db,
  session: Session,
  input: ImportContactsRequest,
  idempotencyKey: string,
  now: Date,
): Promise<{ result: ImportContactsResult; replayed: boolean }> {
  // The body as parsed: its keys come in the schema's order, so the same rows hash the same.
  const requestHash = await sha256Hex(JSON.stringify(input));
  const replay = async () => {
    const stored = await findIdempotentAnswer(db, session.userId, idempotencyKey);
    if (!stored) return null;
    if (stored.operation !== IMPORT_CONTACTS || stored.requestHash !== requestHash) {
      throw new HttpError(422, 'unprocessable', 'This Idempotency-Key was already used for a different request. Use a new key.');
    }
    return { result: stored.response as ImportContactsResult, replayed: true };
  };
  const first = await replay();
  if (first) return first;

  try {
    const result = await db.transaction(async (tx) => {
      const { created, updated } = await importContactRows(tx, input.rows, now);
      const received = input.rows.length;
      const result: ImportContactsResult = { received, created, updated, unchanged: received - created - updated };
      await audit(tx, { at: now, actorId: session.userId, action: IMPORT_CONTACTS, subject: 'contacts', details: { ...result } });
      await saveIdempotentAnswer(tx, {
        userId: session.userId,
        key: idempotencyKey,
        operation: IMPORT_CONTACTS,
        requestHash,
        response: result,
        now,
      });
      return result;
    });
    return { result, replayed: false };
  } catch (err) {
    // The same key sent twice at once: the other request won; answer as a replay.
    if (sqlState(err) === '23505') {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}
