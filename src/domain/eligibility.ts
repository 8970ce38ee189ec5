import type { EnrollErrorCode } from '../contract/codes';

/** The facts about a contact that decide whether it can be enrolled (docs/domain.md §1). */
export interface ContactEligibilityFacts {
  blockedAddress: boolean;
  blockedDomain: boolean;
  /** An email the platform sent to this address bounced (the address is marked bounced). */
  addressBounced: boolean;
  bouncedOnPortal: boolean;
  bouncedGlobally: boolean;
  spamReported: boolean;
  unsubscribedAll: boolean;
  unsubscribedSales: boolean;
  /** The recipient's provider rejected an earlier email of the target sequence. */
  rejectedInThisSequence: boolean;
  /** Id of another sequence the contact is active or paused in, if any. */
  activeInSequenceId: number | null;
}

/**
 * The reason a contact cannot be enrolled, or null when it can. When several apply, the
 * most permanent wins: opt-outs and spam reports before address problems before
 * the one-sequence-at-a-time rule.
 */
export function enrollmentRefusal(f: ContactEligibilityFacts): EnrollErrorCode | null {
  if (f.unsubscribedAll) return 'UNSUBSCRIBED';
  if (f.unsubscribedSales) return 'UNSUBSCRIBED_PERSONAL';
  if (f.spamReported) return 'PREVIOUSLY_MARKED_AS_SPAM';
  if (f.blockedAddress) return 'BLOCKED_ADDRESS';
  if (f.blockedDomain) return 'BLOCKED_DOMAIN';
  if (f.addressBounced) return 'BOUNCED';
  if (f.bouncedOnPortal) return 'RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL';
  if (f.bouncedGlobally) return 'RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY';
  if (f.rejectedInThisSequence) return 'OTHER_SEND_REJECTED';
  if (f.activeInSequenceId !== null) return 'ALREADY_ENROLLED';
  return null;
}
