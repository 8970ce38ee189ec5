import { describe, expect, it } from 'vitest';
import { EnrollErrorCode } from '../contract/codes';
import { enrollmentRefusal, type ContactEligibilityFacts } from './eligibility';

const clean: ContactEligibilityFacts = {
  blockedAddress: false,
  blockedDomain: false,
  addressBounced: false,
  bouncedOnPortal: false,
  bouncedGlobally: false,
  spamReported: false,
  unsubscribedAll: false,
  unsubscribedSales: false,
  rejectedInThisSequence: false,
  activeInSequenceId: null,
};

const only: Record<EnrollErrorCode, Partial<ContactEligibilityFacts>> = {
  BLOCKED_ADDRESS: { blockedAddress: true },
  BLOCKED_DOMAIN: { blockedDomain: true },
  BOUNCED: { addressBounced: true },
  RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: { bouncedOnPortal: true },
  RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: { bouncedGlobally: true },
  PREVIOUSLY_MARKED_AS_SPAM: { spamReported: true },
  OTHER_SEND_REJECTED: { rejectedInThisSequence: true },
  UNSUBSCRIBED: { unsubscribedAll: true },
  UNSUBSCRIBED_PERSONAL: { unsubscribedSales: true },
  ALREADY_ENROLLED: { activeInSequenceId: 7 },
};

describe('enrollmentRefusal', () => {
  it('enrolls a contact with a clean record', () => {
    expect(enrollmentRefusal(clean)).toBeNull();
  });

  it.each(EnrollErrorCode.options)('refuses with %s when only that fact holds', (code) => {
    expect(enrollmentRefusal({ ...clean, ...only[code] })).toBe(code);
  });

  it('puts an opt-out before an address problem, and both before another enrollment', () => {
    expect(enrollmentRefusal({ ...clean, unsubscribedAll: true, blockedAddress: true, activeInSequenceId: 3 })).toBe(
      'UNSUBSCRIBED',
    );
    expect(enrollmentRefusal({ ...clean, bouncedGlobally: true, activeInSequenceId: 3 })).toBe(
      'RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY',
    );
  });
});
