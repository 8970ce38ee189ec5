import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from './email';
import { EmailProblem, EnrollErrorCode, EnrollmentStatus, InboxProvider, MailboxProvider, NotSentReason, Plan, UnenrollReason } from './codes';
import { Count, Instant } from './common';
import { Role } from './auth';
import { Industry } from './email-health';
import { MarketingEmailStatus } from './marketing-email';
import { AddressStatus, Consent, ProbationLevel } from './probation';
import { MAX_INGEST_BODY_BYTES, MAX_INGEST_ITEMS } from './routes';
import { StepType } from './sequences';

// The ingest API (docs/integration.md): the sending system (its own mailer, a CRM sync) upserts
// what Sequence Desk shows, in batches keyed by its own ids. Every kind refers to the others by
// those ids (`externalId`), never by Sequence Desk's.

export { MAX_INGEST_BODY_BYTES, MAX_INGEST_ITEMS };

export const ExternalId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^\S(.*\S)?$/, 'Expected no leading or trailing spaces')
  .describe("The sender's own id of the row: the same id updates the same row");

const ref = (kind: string) => ExternalId.describe(`The externalId of a ${kind} sent before (or earlier in this request's kind order)`);
const optionalRef = (kind: string) => ref(kind).nullable().default(null);

/** Addresses as the sender keeps them: one @, no spaces (stricter checks belong to the sender). */
const Email = z.string().max(EMAIL_MAX_LENGTH).regex(/^[^\s@]+@[^\s@]+$/, 'Expected an email address');
const Name = z.string().trim().min(1).max(200);
const Moment = Instant.nullable().default(null);

/** A batch of `item`s with distinct externalIds. */
function batch<T extends z.ZodObject>(item: T, id: string) {
  return z
    .object({ items: z.array(item).min(1).max(MAX_INGEST_ITEMS) })
    .strict()
    .superRefine((body, ctx) => {
      const seen = new Map<string, number>();
      body.items.forEach((it, index) => {
        const externalId = (it as { externalId: string }).externalId;
        const first = seen.get(externalId);
        if (first === undefined) seen.set(externalId, index);
        else ctx.addIssue({ code: 'custom', path: ['items', index, 'externalId'], message: `Repeats the externalId of item ${first}` });
      });
    })
    .meta({ id });
}

export const IngestUser = z
  .object({
    externalId: ExternalId,
    email: Email,
    name: Name,
    role: Role,
    active: z.boolean().default(true),
    createdAt: Instant.optional().describe('When the seat was created (default: when first received)'),
  })
  .strict()
  .describe('A person with a seat. Comes without a password: they sign in once invited. A person already here with the same email is linked, not duplicated');

export const IngestInbox = z
  .object({
    externalId: ExternalId,
    owner: ref('user'),
    address: Email,
    provider: InboxProvider,
    dailyLimit: z.number().int().min(0).max(100_000),
    connected: z.boolean().default(true),
  })
  .strict();

export const IngestCompany = z.object({ externalId: ExternalId, name: Name, domain: z.string().trim().min(1).max(253) }).strict();

export const IngestContact = z
  .object({
    externalId: ExternalId,
    email: Email,
    firstName: z.string().trim().max(200),
    lastName: z.string().trim().max(200),
    company: optionalRef('company'),
    owner: optionalRef('user'),
    isMarketing: z.boolean().default(false).describe('A marketing contact (counts for marketing email and the review)'),
    consent: Consent.default('none'),
    lastEngagedAt: Moment,
    addressStatus: AddressStatus.default('valid'),
    blockedAddress: z.boolean().default(false),
    blockedDomain: z.boolean().default(false),
    bouncedPortal: z.boolean().default(false).describe('Bounced before on this account'),
    bouncedGlobal: z.boolean().default(false).describe('Bounced before on any account'),
    spamReported: z.boolean().default(false),
    unsubscribedAll: z.boolean().default(false),
    unsubscribedSales: z.boolean().default(false),
    createdAt: Instant.optional(),
  })
  .strict();

export const IngestStep = z
  .object({
    type: StepType,
    delayDays: z.number().int().min(0).max(365).default(0),
    subject: z.string().max(500).nullable().default(null),
  })
  .strict();

export const IngestSequence = z
  .object({
    externalId: ExternalId,
    name: Name,
    owner: ref('user'),
    createdBy: ref('user'),
    unenrollSameCompany: z.boolean().default(false).describe('Unenroll the whole company when one member replies or books'),
    steps: z.array(IngestStep).min(1).max(100).describe('All the steps, in order: they replace the ones before'),
    createdAt: Instant.optional(),
    deletedAt: Moment,
  })
  .strict();

export const IngestEnrollment = z
  .object({
    externalId: ExternalId,
    sequence: ref('sequence'),
    contact: ref('contact'),
    enrolledBy: ref('user'),
    inbox: optionalRef('inbox').describe('The sending inbox'),
    status: EnrollmentStatus,
    currentStep: z.number().int().min(1).max(100).default(1),
    enrollError: EnrollErrorCode.nullable().default(null),
    emailError: EmailProblem.nullable().default(null).describe('The send problem of the current step'),
    relatedSequence: optionalRef('sequence').describe('The other sequence, for ALREADY_ENROLLED'),
    unenrollReason: UnenrollReason.nullable().default(null),
    unenrolledBy: optionalRef('user'),
    unenrolledAt: Moment,
    enrolledAt: Instant,
    lastActivityAt: Moment,
    nextStepAt: Moment,
    emailsSent: Count.default(0),
    opened: z.boolean().default(false),
    clicked: z.boolean().default(false),
    replied: z.boolean().default(false),
    meetingBooked: z.boolean().default(false),
  })
  .strict();

export const IngestMarketingEmail = z
  .object({
    externalId: ExternalId,
    name: Name,
    status: MarketingEmailStatus,
    sentCount: Count.default(0),
    scheduledAt: Moment,
    sentAt: Moment,
    createdAt: Instant.optional(),
  })
  .strict();

export const IngestEmailEvent = z
  .object({
    externalId: ExternalId,
    occurredAt: Instant,
    kind: z.enum(['sales', 'marketing']),
    contact: ref('contact'),
    enrollment: optionalRef('enrollment').describe('Sales email: the enrollment it was sent for'),
    step: z.number().int().min(1).max(100).nullable().default(null).describe('Sales email: the step it was sent for'),
    marketingEmail: optionalRef('marketing email').describe('Marketing email: the email it was'),
    provider: MailboxProvider.describe("The recipient's mailbox provider"),
    sent: z.boolean(),
    notSentReason: NotSentReason.nullable().default(null),
    delivered: z.boolean().default(false),
    bounce: z.enum(['hard', 'soft']).nullable().default(null),
    opened: z.boolean().default(false),
    clicked: z.boolean().default(false),
    replied: z.boolean().default(false),
    spamReported: z.boolean().default(false),
    unsubscribed: z.boolean().default(false),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.sent && e.notSentReason) ctx.addIssue({ code: 'custom', path: ['notSentReason'], message: 'A sent email has no not-sent reason' });
    if (!e.sent && !e.notSentReason) ctx.addIssue({ code: 'custom', path: ['notSentReason'], message: 'Say why the email was not sent' });
    if (e.kind === 'marketing' && (e.enrollment || e.step)) {
      ctx.addIssue({ code: 'custom', path: [e.enrollment ? 'enrollment' : 'step'], message: 'Only sales email belongs to an enrollment' });
    }
    if (e.kind === 'sales' && e.marketingEmail) ctx.addIssue({ code: 'custom', path: ['marketingEmail'], message: 'Only marketing email names a marketing email' });
  });

export const IngestUsersRequest = batch(IngestUser, 'IngestUsersRequest');
export const IngestInboxesRequest = batch(IngestInbox, 'IngestInboxesRequest');
export const IngestCompaniesRequest = batch(IngestCompany, 'IngestCompaniesRequest');
export const IngestContactsRequest = batch(IngestContact, 'IngestContactsRequest');
export const IngestSequencesRequest = batch(IngestSequence, 'IngestSequencesRequest');
export const IngestEnrollmentsRequest = batch(IngestEnrollment, 'IngestEnrollmentsRequest');
export const IngestMarketingEmailsRequest = batch(IngestMarketingEmail, 'IngestMarketingEmailsRequest');
export const IngestEmailEventsRequest = batch(IngestEmailEvent, 'IngestEmailEventsRequest');

export type IngestUser = z.output<typeof IngestUser>;
export type IngestInbox = z.output<typeof IngestInbox>;
export type IngestCompany = z.output<typeof IngestCompany>;
export type IngestContact = z.output<typeof IngestContact>;
export type IngestSequence = z.output<typeof IngestSequence>;
export type IngestEnrollment = z.output<typeof IngestEnrollment>;
export type IngestMarketingEmail = z.output<typeof IngestMarketingEmail>;
export type IngestEmailEvent = z.output<typeof IngestEmailEvent>;

export const IngestOutcome = z.enum(['created', 'updated', 'unchanged']);
export type IngestOutcome = z.infer<typeof IngestOutcome>;

export const IngestResult = z
  .object({
    created: Count,
    updated: Count,
    unchanged: Count,
    items: z
      .array(z.object({ externalId: z.string(), id: z.string().describe("Sequence Desk's id of the row"), result: IngestOutcome }))
      .describe('One per item, in the order sent'),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;

/** Whether this JavaScript knows `zone` as a time zone (IANA names; no bare offsets). */
function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const IngestAccountRequest = z
  .object({
    name: Name,
    plan: Plan,
    industry: Industry.describe('Sets the benchmark thresholds of email health and probation'),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Expected an IANA time zone, e.g. Europe/Stockholm')
      .default('UTC')
      .describe("The account's time zone (IANA): the send forecast's days start at its midnight"),
    createdAt: Instant.optional(),
    assessProbationAt: Instant.optional().describe(
      'Apply the probation rules to the marketing figures as of this moment (not later than now) and record what they decide ' +
        'then: for a backfill, so that a probation that began while the history happened begins at that moment',
    ),
  })
  .strict()
  .meta({ id: 'IngestAccountRequest' });
export type IngestAccountRequest = z.infer<typeof IngestAccountRequest>;

export const IngestAccountResult = z
  .object({
    result: IngestOutcome,
    probationLevel: ProbationLevel,
  })
  .meta({ id: 'IngestAccountResult' });
export type IngestAccountResult = z.infer<typeof IngestAccountResult>;
