import type { MarketingEmail } from '../../src/contract/marketing-email';
import { canSendMarketing } from '../../src/domain/probation';
import { readAccount } from '../account/store';
import { HttpError, conflict, notFound } from '../http/errors';
import { syncProbation } from '../probation/service';
import { audit } from '../store/audit';
import type { Db } from '../store/db';
import { countRecipients, getMarketingEmail, markSent } from './store';

/** Sends a draft or scheduled marketing email now; refused with 409 account_suspended while suspended. */
export async function sendMarketingEmail(db: Db, now: Date, id: number, userId: number): Promise<MarketingEmail> {
  await syncProbation(db, now);
  return db.transaction(async (tx) => {
    // Locked so that a suspension recorded meanwhile cannot slip past the check.
    const account = await readAccount(tx, { forUpdate: true });
    const email = await getMarketingEmail(tx, id, true);
    if (!email) throw notFound('The marketing email');
    if (!canSendMarketing(account.level)) {
      throw new HttpError(
        409,
        'account_suspended',
        'Marketing email is suspended for this account. Complete the contact review to send again.',
      );
    }
    if (email.status === 'sent') throw conflict('This marketing email has already been sent.');
    const sent = await markSent(tx, id, await countRecipients(tx), now);
    await audit(tx, { at: now, actorId: userId, action: 'marketing_email.sent', subject: `marketing_email:${id}`, details: { recipients: sent.sentCount } });
    return sent;
  });
}
