import { z } from 'zod';
import { EnrollmentStatus, UnenrollReason } from './codes';
import { EnrollmentFilter } from './enrollments';
import { StepType } from './sequences';

// Unenrolling (issue 4, DOMAIN.md §4): bulk unenroll with Undo, the History and Scheduled tabs
// of a sequence, the activity ingest that unenrolls contacts by itself, and the integration
// keys that authenticate it.

const Id = z.string().regex(/^\d{1,9}$/, 'Expected a numeric id');
const Ref = z.object({ id: z.string(), name: z.string() });
const Instant = z.iso.datetime({ offset: true });

export { IDEMPOTENCY_KEY_HEADER } from './routes';
/** Set (to "true") on the answer to a replayed Idempotency-Key. */
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,200}$/, 'Expected 8-200 characters: letters, digits, ".", "_", ":" or "-" (a UUID is ideal)');

/** Most ids one bulk request may name; larger selections go by filter. */
export const MAX_BULK_IDS = 5000;
/** Lists of skipped / not restored / kept rows in an answer stop here; the counts stay exact. */
export const MAX_LISTED_ITEMS = 1000;

// ---------------------------------------------------------------------------------------------
// Bulk unenroll and Undo

export const BulkUnenrollRequest = z
  .discriminatedUnion('by', [
    z
      .object({
        by: z.literal('ids'),
        sequenceId: Id,
        ids: z.array(Id).min(1).max(MAX_BULK_IDS).describe('Enrollment ids ticked in the table'),
      })
      .strict(),
    z
      .object({
        by: z.literal('filter'),
        sequenceId: Id,
        filter: EnrollmentFilter.describe('The filter of the Enrollments tab: every enrollment that matches it'),
        except: z
          .array(Id)
          .max(MAX_BULK_IDS)
          .optional()
          .describe('Enrollments matching the filter that the user unticked: left as they are'),
        expectedTotal: z
          .number()
          .int()
          .nonnegative()
          .optional()
          .describe(
            'The count the user confirmed (matches less the exceptions); when it is now another number, 409 and nothing changes',
          ),
      })
      .strict(),
  ])
  .meta({ id: 'BulkUnenrollRequest' });
export type BulkUnenrollRequest = z.infer<typeof BulkUnenrollRequest>;

/** Why a selected enrollment was left as it was. */
export const BulkSkipReason = z.enum(['already-unenrolled', 'finished', 'failed', 'not-yours']);
export type BulkSkipReason = z.infer<typeof BulkSkipReason>;

const count = z.number().int().nonnegative();

export const BulkUnenrollResult = z
  .object({
    batchId: z.string().describe('Pass to Undo'),
    sequenceId: z.string(),
    matched: count.describe('Enrollments selected (by id or by the filter)'),
    unenrolled: count,
    skipped: z
      .object({
        alreadyUnenrolled: count,
        finished: count,
        failed: count.describe('Never enrolled (refused with an error code)'),
        notYours: count.describe('Enrolled by someone else: reps unenroll only their own'),
      })
      .describe('How many were skipped, by reason'),
    skippedItems: z
      .array(z.object({ enrollmentId: z.string(), reason: BulkSkipReason }))
      .describe(`Each skipped enrollment and why, by status then id (at most ${MAX_LISTED_ITEMS})`),
  })
  .meta({ id: 'BulkUnenrollResult' });
export type BulkUnenrollResult = z.infer<typeof BulkUnenrollResult>;

/** Why Undo left an enrollment unenrolled. */
export const NotRestoredReason = z.enum(['changed-since', 'enrolled-elsewhere', 'sequence-deleted']);
export type NotRestoredReason = z.infer<typeof NotRestoredReason>;

export const UndoResult = z
  .object({
    batchId: z.string(),
    undoneAt: Instant,
    restored: count,
    notRestoredTotal: count,
    notRestored: z
      .array(z.object({ enrollmentId: z.string(), reason: NotRestoredReason }))
      .describe(
        `Enrollments left unenrolled, lowest id first (at most ${MAX_LISTED_ITEMS}): changed since the bulk ` +
          'unenroll, now enrolled in another sequence, or the sequence was deleted',
      ),
  })
  .meta({ id: 'UndoResult' });
export type UndoResult = z.infer<typeof UndoResult>;

// ---------------------------------------------------------------------------------------------
// History (the sequence's audit log)

export const AuditAction = z.enum([
  'enroll',
  'unenroll',
  'bulk-unenroll',
  'undo-unenroll',
  'reenroll',
  'auto-unenroll',
  'settings',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const HistoryQuery = z
  .object({
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const AuditEntry = z
  .object({
    id: z.string(),
    at: Instant,
    actor: Ref.nullable().describe('Null for automatic unenrollments'),
    action: AuditAction,
    count: count.describe('How many enrollments it concerned'),
    filter: z.record(z.string(), z.string()).nullable().describe('The filter of a bulk unenroll by filter'),
    batchId: z.string().nullable(),
    reason: UnenrollReason.nullable().describe('Why, for automatic unenrollments'),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const HistoryPage = z
  .object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'HistoryPage' });
export type HistoryPage = z.infer<typeof HistoryPage>;

// ---------------------------------------------------------------------------------------------
// Scheduled tab

export const ScheduledQuery = z
  .object({
    type: StepType.optional(),
    from: Instant.optional().describe('Send time at or after (the start of the user\'s local day)'),
    to: Instant.optional().describe('Send time before (the end of the user\'s local day)'),
    cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be after "to"',
    path: ['from'],
  });
export type ScheduledQuery = z.infer<typeof ScheduledQuery>;

export const ScheduledStep = z
  .object({
    enrollmentId: z.string(),
    contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    step: z.object({ position: z.number().int(), type: StepType, subject: z.string().nullable() }),
    totalSteps: z.number().int(),
    sendAt: Instant,
    inbox: z.object({ id: z.string(), address: z.string(), connected: z.boolean() }).nullable(),
    enrolledBy: Ref,
  })
  .meta({ id: 'ScheduledStep' });
export type ScheduledStep = z.infer<typeof ScheduledStep>;

export const ScheduledPage = z
  .object({
    items: z.array(ScheduledStep),
    nextCursor: z.string().nullable(),
    total: count.describe('Upcoming steps matching the filter'),
  })
  .meta({ id: 'ScheduledPage' });
export type ScheduledPage = z.infer<typeof ScheduledPage>;

// ---------------------------------------------------------------------------------------------
// Sequence settings, step completion

export const SequenceSettingsUpdate = z
  .object({ unenrollSameCompany: z.boolean().describe('Unenroll contacts of the same company when one replies') })
  .strict()
  .meta({ id: 'SequenceSettingsUpdate' });
export type SequenceSettingsUpdate = z.infer<typeof SequenceSettingsUpdate>;

export const SequenceSettings = z
  .object({ id: z.string(), unenrollSameCompany: z.boolean() })
  .meta({ id: 'SequenceSettings' });
export type SequenceSettings = z.infer<typeof SequenceSettings>;

export const CompleteStepRequest = z
  .object({ step: z.number().int().min(1).max(100).describe('The step being completed: must be the current one') })
  .strict()
  .meta({ id: 'CompleteStepRequest' });
export type CompleteStepRequest = z.infer<typeof CompleteStepRequest>;

// ---------------------------------------------------------------------------------------------
// Activity ingest (mail and calendar integrations, the CRM's account events)

/** The mail client that wrote an auto-reply, or the kind of inbox that received it. */
export const MailClient = z.enum(['gmail', 'outlook', 'other']);
export type MailClient = z.infer<typeof MailClient>;

export const MeetingSource = z.enum(['step_link', 'contact_record', 'calendar', 'associated_record']);
export type MeetingSource = z.infer<typeof MeetingSource>;

const ContactRef = z
  .union([z.object({ id: Id }).strict(), z.object({ email: z.email().max(254) }).strict()])
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
      .object({ type: z.literal('inbound_email'), ...contactEvent, toAddress: z.email().max(254) })
      .strict()
      .describe('Emailed a user outside the sequence, from the enrolled address'),
    z
      .object({ type: z.literal('reply_other_address'), ...contactEvent, fromAddress: z.email().max(254) })
      .strict()
      .describe('Replied to a sequence email from another address'),
    z
      .object({
        type: z.literal('alias_email'),
        ...contactEvent,
        aliasAddress: z.email().max(254),
        toAddress: z.email().max(254),
      })
      .strict()
      .describe('Emailed a user from an alias of the enrolled address'),
    z
      .object({
        type: z.literal('meeting_booked'),
        ...contactEvent,
        source: MeetingSource,
        bookedWith: Id.describe('The user the meeting is with'),
        associatedWithContact: z.boolean().default(true).describe('For a meeting logged on an associated record'),
        meetingAt: Instant.optional().describe('When the meeting takes (or took) place'),
      })
      .strict(),
    z
      .object({ type: z.literal('unsubscribe'), ...contactEvent, sequenceId: Id.describe('The sequence whose link was used') })
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
        sequenceId: Id.optional().describe('Only this sequence; all when absent'),
        workflowId: z.string().max(200).optional(),
      })
      .strict(),
    z.object({ type: z.literal('sequence_deleted'), ...eventBase, sequenceId: Id }).strict(),
    z
      .object({ type: z.literal('user_removed'), ...eventBase, userId: Id, change: z.enum(['removed', 'downgraded']) })
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
    unenrolledTotal: count,
    unenrolled: z.array(
      z.object({
        enrollmentId: z.string(),
        contactId: z.string(),
        sequenceId: z.string(),
        reason: UnenrollReason,
        scope: UnenrollScope,
      }),
    ),
    keptTotal: count,
    kept: z.array(z.object({ enrollmentId: z.string(), status: EnrollmentStatus, why: KeepReason })),
  })
  .meta({ id: 'ActivityResult' });
export type ActivityResult = z.infer<typeof ActivityResult>;

// ---------------------------------------------------------------------------------------------
// Integration keys (admin)

export const CreateIntegrationKeyRequest = z
  .object({ name: z.string().trim().min(1).max(100).describe('What uses the key, e.g. "Mail sync"') })
  .strict()
  .meta({ id: 'CreateIntegrationKeyRequest' });
export type CreateIntegrationKeyRequest = z.infer<typeof CreateIntegrationKeyRequest>;

export const IntegrationKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
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
