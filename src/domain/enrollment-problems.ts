import type { EmailProblem, EnrollErrorCode } from '../contract/codes';

/** What the user can do about a flag (docs/domain.md §1–§2). The words live in the catalogs. */
export type Remedy =
  | 'pick-another-contact' // confirm the address or pick another contact, then enroll again
  | 'remove-from-outreach' // do not retry
  | 'verify-address' // verify the address or reach the contact another way
  | 'respect-opt-out' // nothing to do
  | 'open-other-sequence' // wait, or unenroll from the other sequence first
  | 'reenroll-next-step'
  | 'reenroll-this-step'
  | 'reconnect-inbox'
  | 'retry-from-gmail';

export const ENROLL_ERROR_REMEDY: Record<EnrollErrorCode, Remedy> = {
  BLOCKED_ADDRESS: 'pick-another-contact',
  BLOCKED_DOMAIN: 'pick-another-contact',
  BOUNCED: 'pick-another-contact',
  RECIPIENT_PREVIOUSLY_BOUNCED_ON_PORTAL: 'pick-another-contact',
  RECIPIENT_PREVIOUSLY_BOUNCED_GLOBALLY: 'pick-another-contact',
  PREVIOUSLY_MARKED_AS_SPAM: 'remove-from-outreach',
  OTHER_SEND_REJECTED: 'verify-address',
  UNSUBSCRIBED: 'respect-opt-out',
  UNSUBSCRIBED_PERSONAL: 'respect-opt-out',
  ALREADY_ENROLLED: 'open-other-sequence',
};

export const EMAIL_PROBLEM_REMEDY: Record<EmailProblem, Remedy> = {
  SEND_LIMIT_REACHED: 'reenroll-next-step',
  SEND_FAILURE: 'reenroll-this-step',
  INBOX_DISCONNECTED: 'reconnect-inbox',
  GMAIL_SEND_ERROR: 'retry-from-gmail',
};

export type ReenrollDecision =
  | { ok: true; step: number }
  | { ok: false; reason: 'no-send-problem' | 'inbox-disconnected' | 'no-following-step' | 'wrong-step' };

/**
 * Where a paused enrollment may be re-enrolled after a send problem: the following step
 * after a send limit, the same step after a send failure (once the inbox is connected).
 * `requested`, when given, must be that step. Other problems cannot be re-enrolled.
 */
export function reenrollStep(
  problem: EmailProblem | null,
  currentStep: number,
  totalSteps: number,
  inboxConnected: boolean,
  requested?: number,
): ReenrollDecision {
  let step: number;
  if (problem === 'SEND_LIMIT_REACHED') {
    step = currentStep + 1;
    if (step > totalSteps) return { ok: false, reason: 'no-following-step' };
  } else if (problem === 'SEND_FAILURE') {
    if (!inboxConnected) return { ok: false, reason: 'inbox-disconnected' };
    step = currentStep;
  } else {
    return { ok: false, reason: 'no-send-problem' };
  }
  if (requested !== undefined && requested !== step) return { ok: false, reason: 'wrong-step' };
  return { ok: true, step };
}
