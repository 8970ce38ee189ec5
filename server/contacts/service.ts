import type { ImportContactsRequest, ImportContactsResult } from '../../src/contract/contacts';
import type { Session } from '../http/context';
import type { Db } from '../store/db';
import { audit } from '../store/audit';
import { withIdempotencyKey } from '../enrollments/bulk-service';
import { importContactRows } from './store';

const IMPORT_CONTACTS = 'import-contacts';

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
  return withIdempotencyKey<ImportContactsResult>(
    db,
    // The body as parsed: its keys come in the schema's order, so the same rows hash the same
    // (and a thousand rows need no sorting).
    { userId: session.userId, operation: IMPORT_CONTACTS, input, key: idempotencyKey, now, serialize: JSON.stringify },
    (remember) =>
      db.transaction(async (tx) => {
        const { created, updated } = await importContactRows(tx, input.rows, now);
        const received = input.rows.length;
        const result: ImportContactsResult = { received, created, updated, unchanged: received - created - updated };
        await audit(tx, { at: now, actorId: session.userId, action: IMPORT_CONTACTS, subject: 'contacts', details: { ...result } });
        await remember(tx, result);
        return result;
      }),
  );
}
