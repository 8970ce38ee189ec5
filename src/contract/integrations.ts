import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from './email';
import { EnrollmentStatus, UnenrollReason } from './codes';
import { Count, Instant, NumericId, Ref } from './common';
import { INTEGRATION_SCOPES } from './routes';

// The activity feed (docs/domain.md §4): events from mail and calendar integrations and the CRM's
// account events, which unenroll contacts by themselves, and the integration keys that
// authenticate them.

// ---------------------------------------------------------------------------------------------
// Activity ingest

/** The mail client that wrote an auto-reply, or the kind of inbox that received it. */
export const MailClient = z.enum(['gmail', 'outlook', 'other']);
export type MailClient = z.infer<typeof MailClient>;

export const MeetingSource = z.enum(['step_link', 'contact_record', 'calendar', 'associated_record']);
export type MeetingSource = z.infer<typeof MeetingSource>;

const ContactRef = z
  .union([z.object({ id: NumericId }).strict(), z.object({ email: z.email().max(EMAIL_MAX_LENGTH) }).strict()])
  .describe('The contact, by id or by its (enrolled) email address');

const eventBase = {
  eventId: z.string().min(1).max(200).describe('Unique per event: a repeated id changes nothing'),
  occurredAt: Instant.describe('When it happened (for a meeting: when it was booked or logged)'),
};
const contactEvent = { ...eventBase, contact: ContactRef };

export const ActivityEvent = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('reply'), ...contactEvent }).strict().describe('Replied to a sequence email'),
    z
      .object({ type: z.literal('inbound_email'), ...contactEvent, toAddress: z.email().max(EMAIL_MAX_LENGTH) })
      .strict()
      .describe('Emailed a user outside the sequence, from the enrolled address'),
    z
      .object({ type: z.literal('reply_other_address'), ...contactEvent, fromAddress: z.email().max(EMAIL_MAX_LENGTH) })
      .strict()
      .describe('Replied to a sequence email from another address'),
    z
      .object({
        type: z.literal('alias_email'),
        ...contactEvent,
        aliasAddress: z.email().max(EMAIL_MAX_LENGTH),
        toAddress: z.email().max(EMAIL_MAX_LENGTH),
      })
      .strict()
      .describe('Emailed a user from an alias of the enrolled address'),
    z
      .object({
        type: z.literal('meeting_booked'),
        ...contactEvent,
        source: MeetingSource,
        bookedWith: NumericId.describe('The user the meeting is with'),
        associatedWithContact: z.boolean().default(true).describe('For a meeting logged on an associated record'),
        meetingAt: Instant.optional().describe('When the meeting takes (or took) place'),
      })
      .strict(),
    z
      .object({ type: z.literal('unsubscribe'), ...contactEvent, sequenceId: NumericId.describe('The sequence whose link was used') })
      .strict(),
    z.object({ type: z.literal('bounce'), ...contactEvent, bounceType: z.enum(['hard', 'soft']) }).strict(),
    z
      .object({ type: z.literal('auto_reply'), ...contactEvent, sendingClient: MailClient, receivingInbox: MailClient })
      .strict()
      .describe('An automatic reply (out of office), with the client that sent it and the inbox that got it'),
    z
      .object({
        type: z.literal('workflow_unenroll'),
        ...contactEvent,
        sequenceId: NumericId.optional().describe('Only this sequence; all when absent'),
        workflowId: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ type: z.literal('sequence_deleted'), ...eventBase, sequenceId: NumericId }).strict(),
    z
      .object({ type: z.literal('user_removed'), ...eventBase, userId: NumericId, change: z.enum(['removed', 'downgraded']) })
      .strict()
      .describe('A user was removed or lost their sales seat: the sequences they created stop'),
  ])
  .meta({ id: 'ActivityEvent' });
export type ActivityEvent = z.infer<typeof ActivityEvent>;
export type ActivityEventType = ActivityEvent['type'];

export const UnenrollScope = z.enum(['contact', 'company']);
export type UnenrollScope = z.infer<typeof UnenrollScope>;

/** Why a rule left an enrollment as it was. */
export const KeepReason = z.enum([
  'not-enrolled',
  'before-enrollment',
  'not-to-sender',
  'same-company-off',
  'not-a-company-rule',
  'booked-with-another-user',
  'not-associated-with-contact',
  'other-sequence',
  'soft-bounce',
  'out-of-office',
  'not-enterprise',
  'not-the-creator',
]);
export type KeepReason = z.infer<typeof KeepReason>;

export const ActivityResult = z
  .object({
    eventId: z.string(),
    duplicate: z.boolean().describe('The event id was seen before: this is the first answer, nothing changed'),
    contactId: z.string().nullable().describe('The contact the event resolved to, if any'),
    unenrolledTotal: Count,
    unenrolled: z.array(
      z.object({
        enrollmentId: z.string(),
        contactId: z.string(),
        sequenceId: z.string(),
        reason: UnenrollReason,
        scope: UnenrollScope,
      }),
    ),
    keptTotal: Count,
    kept: z.array(z.object({ enrollmentId: z.string(), status: EnrollmentStatus, why: KeepReason })),
  })
  .meta({ id: 'ActivityResult' });
export type ActivityResult = z.infer<typeof ActivityResult>;

// ---------------------------------------------------------------------------------------------
// Integration keys (admin)

/** What a key may do: post activity events, ingest data (docs/integration.md), or both. */
export const IntegrationScope = z
  .enum(INTEGRATION_SCOPES)
  .describe('What the key may do: "activity" (the activity feed), "ingest" (the ingest API) or "both"');
export type IntegrationScope = z.infer<typeof IntegrationScope>;

export const CreateIntegrationKeyRequest = z
  .object({
    name: z.string().trim().min(1).max(100).describe('What uses the key, e.g. "Mail sync"'),
    scope: IntegrationScope.default('activity'),
  })
  .strict()
  .meta({ id: 'CreateIntegrationKeyRequest' });
export type CreateIntegrationKeyRequest = z.infer<typeof CreateIntegrationKeyRequest>;

export const IntegrationKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    scope: IntegrationScope,
    createdAt: Instant,
    createdBy: Ref,
    lastUsedAt: Instant.nullable(),
    revokedAt: Instant.nullable(),
  })
  .meta({ id: 'IntegrationKey' });
export type IntegrationKey = z.infer<typeof IntegrationKey>;

export const CreatedIntegrationKey = IntegrationKey.extend({
  key: z.string().describe('Shown once: send as "Authorization: Bearer <key>". Only its hash is stored.'),
}).meta({ id: 'CreatedIntegrationKey' });
export type CreatedIntegrationKey = z.infer<typeof CreatedIntegrationKey>;

export const IntegrationKeyList = z.object({ items: z.array(IntegrationKey) }).meta({ id: 'IntegrationKeyList' });
export type IntegrationKeyList = z.infer<typeof IntegrationKeyList>;
