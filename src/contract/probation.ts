import { z } from 'zod';
import { Plan } from './codes';
import { NumericId } from './common';
import { RateKey } from './email-health';

// The marketing-email probation (docs/domain.md §5): the account's stored state, the transitions
// that led to it, and the contact review that lifts it. Rates are fractions in [0, 1].

/** Where the account stands: healthy, or under watch at one of four escalating levels. */
export const ProbationLevel = z.enum(['healthy', 'probation', 'warning_1', 'warning_2', 'suspended']);
export type ProbationLevel = z.infer<typeof ProbationLevel>;

/** Why the level changed. */
export const ProbationCause = z.enum(['threshold_crossed', 'deadline_passed', 'review_completed']);
export type ProbationCause = z.infer<typeof ProbationCause>;

const Fraction = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();
const Timestamp = z.iso.datetime();

export const ProbationTrigger = z
  .object({ key: RateKey, value: Fraction, threshold: Fraction })
  .meta({ id: 'ProbationTriggerFigure' });
export type ProbationTrigger = z.infer<typeof ProbationTrigger>;

const Person = z.object({ id: z.string(), name: z.string() });

export const ProbationTransition = z
  .object({
    from: ProbationLevel,
    to: ProbationLevel,
    cause: ProbationCause,
    at: Timestamp,
    actor: Person.nullable().describe('Who completed the review; null for automatic transitions'),
    trigger: ProbationTrigger.nullable().describe('The figure that started the probation'),
  })
  .meta({ id: 'ProbationTransition' });
export type ProbationTransition = z.infer<typeof ProbationTransition>;

export const AccountProbation = z
  .object({
    level: ProbationLevel,
    underWatch: z.boolean().describe('On probation, warned or suspended: the contact review is open'),
    canSendMarketing: z.boolean().describe('False while suspended'),
    eligible: z.boolean().describe('Probation applies to the free and starter plans only'),
    plan: Plan,
    startedAt: Timestamp.nullable().describe('When the current probation began'),
    levelSince: Timestamp.nullable().describe('When the account reached its current level'),
    warning: z
      .object({ number: z.number().int().positive(), of: z.number().int().positive() })
      .nullable()
      .describe('"Warning 1 of 2" while warned'),
    figure: z
      .object({
        key: RateKey,
        valueAtStart: Fraction.nullable(),
        value: Fraction.nullable().describe('The figure over the last 30 days (less 48 h), null without enough data'),
        threshold: Fraction.describe('The industry probation threshold of the figure'),
      })
      .nullable()
      .describe('The figure that started the probation, while under watch'),
    next: z
      .object({ level: ProbationLevel, at: Timestamp })
      .nullable()
      .describe('What happens next if the review is not completed, and when'),
    reviewedAt: Timestamp.nullable().describe('When the last review was completed'),
    history: z.array(ProbationTransition).describe('The latest transitions, newest first (at most 20)'),
  })
  .meta({ id: 'AccountProbation' });
export type AccountProbation = z.infer<typeof AccountProbation>;

// ---- the review ------------------------------------------------------------------------------

export const REVIEW_STEPS = 5;
export const ReviewStep = z.number().int().min(1).max(REVIEW_STEPS);

/** The review's filters: contacts without consent, without recent engagement, or whose address
 * is invalid, bounced or role-based. */
export const ContactProblem = z.enum(['no_consent', 'not_engaged', 'invalid_address']);
export type ContactProblem = z.infer<typeof ContactProblem>;

export const ReviewProgress = z
  .object({
    probationStartedAt: Timestamp.describe('The probation this review belongs to'),
    step: ReviewStep,
    furthestStep: ReviewStep.describe('The furthest step reached; steps are reached one at a time'),
    problem: ContactProblem.nullable().describe('The filter last chosen on step 4'),
    removedCount: Count.describe('Contacts removed from marketing during this review'),
    updatedAt: Timestamp.nullable(),
    updatedBy: Person.nullable(),
  })
  .meta({ id: 'ReviewProgress' });
export type ReviewProgress = z.infer<typeof ReviewProgress>;

export const SaveReviewProgressRequest = z
  .object({ step: ReviewStep, problem: ContactProblem.nullable() })
  .strict()
  .meta({ id: 'SaveReviewProgressRequest' });
export type SaveReviewProgressRequest = z.infer<typeof SaveReviewProgressRequest>;

export const ReviewContactsQuery = z
  .object({
    problem: ContactProblem.optional().describe('Only contacts with this problem; all marketing contacts when absent'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ReviewContactsQuery = z.infer<typeof ReviewContactsQuery>;

export const Consent = z.enum(['explicit', 'implied', 'none']);
export type Consent = z.infer<typeof Consent>;
export const AddressStatus = z.enum(['valid', 'invalid', 'bounced', 'role_based']);
export type AddressStatus = z.infer<typeof AddressStatus>;

export const ReviewContact = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    consent: Consent,
    lastEngagedAt: Timestamp.nullable(),
    addressStatus: AddressStatus,
    problems: z.array(ContactProblem),
  })
  .meta({ id: 'ReviewContact' });
export type ReviewContact = z.infer<typeof ReviewContact>;

export const ProblemCounts = z
  .object({
    all: Count.describe('Marketing contacts'),
    no_consent: Count,
    not_engaged: Count,
    invalid_address: Count,
  })
  .meta({ id: 'ProblemCounts' });
export type ProblemCounts = z.infer<typeof ProblemCounts>;

export const ReviewContactsPage = z
  .object({
    items: z.array(ReviewContact).describe('Marketing contacts by id'),
    nextCursor: z.string().nullable(),
    total: Count.describe('Contacts matching the filter'),
    counts: ProblemCounts,
  })
  .meta({ id: 'ReviewContactsPage' });
export type ReviewContactsPage = z.infer<typeof ReviewContactsPage>;

export const RemoveFromMarketingRequest = z
  .union([
    z.object({ ids: z.array(NumericId).min(1).max(1000) }).strict(),
    z
      .object({
        problem: ContactProblem,
        expectedCount: Count.describe('The count the user confirmed; refused with 409 when the match changed'),
      })
      .strict(),
  ])
  .meta({ id: 'RemoveFromMarketingRequest' });
export type RemoveFromMarketingRequest = z.infer<typeof RemoveFromMarketingRequest>;

export const RemoveFromMarketingResult = z
  .object({
    removed: Count.describe('Contacts that became non-marketing contacts now (nothing is deleted)'),
    counts: ProblemCounts,
    progress: ReviewProgress,
  })
  .meta({ id: 'RemoveFromMarketingResult' });
export type RemoveFromMarketingResult = z.infer<typeof RemoveFromMarketingResult>;

export const CompleteReviewRequest = z
  .object({ confirmed: z.boolean().describe('"I have reviewed my contacts for email marketing"; false is refused with 422') })
  .strict()
  .meta({ id: 'CompleteReviewRequest' });
export type CompleteReviewRequest = z.infer<typeof CompleteReviewRequest>;
