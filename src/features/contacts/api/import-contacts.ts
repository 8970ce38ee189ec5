import { request } from '../../../api/client';
import { api } from '../../../api/endpoints';
import type { ImportContactsResult } from '../../../contract/contacts';
import type { ImportContactRow } from '../../../domain/contact-import';

/** Sends one batch of rows. The key belongs to the batch, not to the attempt: a retry of a
 * batch that did reach the server gets its first answer back and writes nothing twice. */
export function importBatch(rows: ImportContactRow[], idempotencyKey: string, signal?: AbortSignal): Promise<ImportContactsResult> {
  return request(api.importContacts, { body: { rows }, idempotencyKey, signal });
}
