import type { AddressStatus, Consent, ContactProblem } from '../contract/probation';
import { REVIEW_STEPS } from '../contract/probation';

// The contact review that lifts a probation (docs/domain.md §5): which contacts it asks about, and
// the order of its steps. Rules as data.

export const REVIEW_RULES = {
  /** A contact who has not opened or clicked for this long counts as not engaged. */
  notEngagedAfterDays: 180,
  /** Consent on record: an explicit agreement, or one implied by an existing relationship.
   * Contacts with neither are the "no consent" filter. */
  consentGiven: ['explicit', 'implied'] as readonly Consent[],
  /** Addresses not worth sending to. */
  badAddresses: ['invalid', 'bounced', 'role_based'] as readonly AddressStatus[],
} as const;

const DAY_MS = 86_400_000;

/** The moment before which a last engagement no longer counts. */
export function engagedSince(now: Date): Date {
  return new Date(now.getTime() - REVIEW_RULES.notEngagedAfterDays * DAY_MS);
}

/** The review's problems of one contact, in filter order. */
export function contactProblems(
  contact: { consent: Consent; lastEngagedAt: Date | null; addressStatus: AddressStatus },
  now: Date,
): ContactProblem[] {
  const problems: ContactProblem[] = [];
  if (!REVIEW_RULES.consentGiven.includes(contact.consent)) problems.push('no_consent');
  if (!contact.lastEngagedAt || contact.lastEngagedAt < engagedSince(now)) problems.push('not_engaged');
  if (REVIEW_RULES.badAddresses.includes(contact.addressStatus)) problems.push('invalid_address');
  return problems;
}

export interface ReviewSteps {
  step: number;
  furthestStep: number;
}

/** A step can be reached from the one before it (Next), or any step already reached (Back). */
export function canGoToStep(progress: ReviewSteps, step: number): boolean {
  return Number.isInteger(step) && step >= 1 && step <= REVIEW_STEPS && step <= progress.furthestStep + 1;
}

/** The progress after moving to `step` (callers check canGoToStep first). */
export function goToStep(progress: ReviewSteps, step: number): ReviewSteps {
  return { step, furthestStep: Math.max(progress.furthestStep, step) };
}

export type CompletionRefusal = 'not_confirmed' | 'steps_skipped';

/** Done is accepted when every step was reached in turn and the user ticked the confirmation. */
export function completionRefusal(progress: ReviewSteps, confirmed: boolean): CompletionRefusal | null {
  if (!confirmed) return 'not_confirmed';
  if (progress.furthestStep < REVIEW_STEPS || progress.step !== REVIEW_STEPS) return 'steps_skipped';
  return null;
}
