import { z } from 'zod';
import { NumericId } from './common';
import { endpoint, type Endpoint } from './endpoint';
import { routes } from './routes';
import { SessionResponse, SignInRequest } from './auth';
import { HealthResponse } from './health';
import {
  HistoryPage,
  HistoryQuery,
  ScheduledPage,
  ScheduledQuery,
  SequenceDetail,
  SequenceList,
  SequenceListQuery,
  SequenceSettings,
  SequenceSettingsUpdate,
} from './sequences';
import {
  BulkUnenrollRequest,
  BulkUnenrollResult,
  CompleteStepRequest,
  Enrollment,
  EnrollmentCount,
  EnrollmentExportQuery,
  EnrollmentFilter,
  EnrollmentListQuery,
  EnrollmentPage,
  EnrollRequest,
  EnrollResult,
  ReenrollRequest,
  UndoResult,
} from './enrollments';
import {
  ContactDetail,
  ContactSearchQuery,
  ContactSearchResult,
  ImportContactsRequest,
  ImportContactsResult,
  InboxList,
} from './contacts';
import {
  ActivityEvent,
  ActivityResult,
  CreatedIntegrationKey,
  CreateIntegrationKeyRequest,
  IntegrationKeyList,
} from './integrations';
import {
  Account,
  ContactNotSent,
  EmailHealth,
  EmailHealthQuery,
  NotSentListQuery,
  NotSentPage,
  UpdateIndustryRequest,
} from './email-health';
import {
  IngestAccountRequest,
  IngestAccountResult,
  IngestCompaniesRequest,
  IngestContactsRequest,
  IngestEmailEventsRequest,
  IngestEnrollmentsRequest,
  IngestInboxesRequest,
  IngestMarketingEmailsRequest,
  IngestResult,
  IngestSequencesRequest,
  IngestUsersRequest,
} from './ingest';
import { AttentionFilter, AttentionFixRequest, AttentionFixResult, AttentionOverview } from './attention';
import { MarketingEmail, MarketingEmailListQuery, MarketingEmailPage } from './marketing-email';
import { AcceptInviteRequest, Invite, InviteUserRequest, ManagedUser, UpdateUserRequest, UserList } from './users';
import {
  AccountProbation,
  CompleteReviewRequest,
  RemoveFromMarketingRequest,
  RemoveFromMarketingResult,
  ReviewContactsPage,
  ReviewContactsQuery,
  ReviewProgress,
  SaveReviewProgressRequest,
} from './probation';
import { SendForecast, SendForecastQuery, SpreadPreview, SpreadRequest, SpreadResult, UndoSpreadResult } from './forecast';

/** Path parameter of every `/:id` route: our ids are positive integers. */
export const IdParams = z.object({ id: NumericId }).strict();

/** Every operation of the API: its route (routes.ts) with its schemas and documentation.
 * Adding one here documents it and enrols it in the permission and validation tests. */
const BATCH =
  'At most 1,000 items, applied in one transaction: an invalid item or unknown reference is a 400 naming it and nothing ' +
  'is written. Answers per item created, updated or unchanged; an optional Idempotency-Key replays the first answer';

export const api = {
  health: endpoint({
    ...routes.health,
    summary: 'Whether the server can answer: checks the database (a cheap query, 2 s at most)',
    tag: 'system',
    response: HealthResponse,
    otherResponses: { 503: { description: 'The database did not answer: the body says which check failed', response: HealthResponse } },
  }),
  getSession: endpoint({
    ...routes.getSession,
    summary: 'The signed-in user (or null) and the CSRF token',
    tag: 'auth',
    response: SessionResponse,
  }),
  signIn: endpoint({
    ...routes.signIn,
    summary: 'Sign in with email and password; sets the session cookie',
    tag: 'auth',
    body: SignInRequest,
    response: SessionResponse,
  }),
  signOut: endpoint({
    ...routes.signOut,
    summary: 'Sign out and end the session',
    tag: 'auth',
    response: null,
  }),
  listSequences: endpoint({
    ...routes.listSequences,
    summary: 'Sequences the caller can see, with their figures',
    tag: 'sequences',
    query: SequenceListQuery,
    response: SequenceList,
  }),
  getSequence: endpoint({
    ...routes.getSequence,
    summary: 'A sequence with its header figures, error summary and enrollers',
    tag: 'sequences',
    params: IdParams,
    response: SequenceDetail,
  }),
  listEnrollments: endpoint({
    ...routes.listEnrollments,
    summary: 'One keyset page of a sequence\'s enrollments, filtered, searched and sorted',
    tag: 'enrollments',
    params: IdParams,
    query: EnrollmentListQuery,
    response: EnrollmentPage,
  }),
  countEnrollments: endpoint({
    ...routes.countEnrollments,
    summary: 'How many enrollments match a filter',
    tag: 'enrollments',
    params: IdParams,
    query: EnrollmentFilter,
    response: EnrollmentCount,
  }),
  exportEnrollments: endpoint({
    ...routes.exportEnrollments,
    summary: 'Every enrollment matching a filter as CSV, streamed',
    tag: 'enrollments',
    params: IdParams,
    query: EnrollmentExportQuery,
    response: null,
  }),
  enrollContacts: endpoint({
    ...routes.enrollContacts,
    summary: 'Enroll contacts as the caller; each is checked and enrolled or refused with its code',
    tag: 'enrollments',
    params: IdParams,
    body: EnrollRequest,
    response: EnrollResult,
  }),
  unenroll: endpoint({
    ...routes.unenroll,
    summary: 'Unenroll one contact (figures are kept)',
    tag: 'enrollments',
    params: IdParams,
    response: Enrollment,
  }),
  reenroll: endpoint({
    ...routes.reenroll,
    summary: 'Re-enroll a paused contact at the step its send problem allows',
    tag: 'enrollments',
    params: IdParams,
    body: ReenrollRequest,
    response: Enrollment,
  }),
  searchContacts: endpoint({
    ...routes.searchContacts,
    summary: 'One keyset page of the contacts, by name, searched by name or email, with the total that match',
    tag: 'contacts',
    query: ContactSearchQuery,
    response: ContactSearchResult,
  }),
  importContacts: endpoint({
    ...routes.importContacts,
    summary:
      'Create or update up to 1,000 contacts by email address (case-insensitive) in one transaction: a bad row ' +
      'is a 400 naming its index and field, and nothing is written. Empty fields never overwrite. Requires an ' +
      'Idempotency-Key header: a replay returns the first answer and changes nothing',
    tag: 'contacts',
    body: ImportContactsRequest,
    response: ImportContactsResult,
  }),
  getContact: endpoint({
    ...routes.getContact,
    summary: 'A contact and its enrollments',
    tag: 'contacts',
    params: IdParams,
    response: ContactDetail,
  }),
  listInboxes: endpoint({
    ...routes.listInboxes,
    summary: 'The caller\'s connected sending inboxes',
    tag: 'contacts',
    response: InboxList,
  }),
  // ---- email health (issue 5) ----
  getEmailHealth: endpoint({
    ...routes.getEmailHealth,
    summary: 'Marketing email health of a window: rates against thresholds, trend, providers, not-sent reasons, recommendations',
    tag: 'email-health',
    query: EmailHealthQuery,
    response: EmailHealth,
  }),
  listNotSentContacts: endpoint({
    ...routes.listNotSentContacts,
    summary: 'One keyset page of the emails not sent in a window (by reason, kind, contact search), newest first',
    tag: 'email-health',
    query: NotSentListQuery,
    response: NotSentPage,
  }),
  getAccount: endpoint({
    ...routes.getAccount,
    summary: 'The account: plan, industry and the industries to choose from',
    tag: 'account',
    response: Account,
  }),
  updateAccountIndustry: endpoint({
    ...routes.updateAccountIndustry,
    summary: 'Set the account\'s industry (it picks the probation thresholds and the benchmark)',
    tag: 'account',
    body: UpdateIndustryRequest,
    response: Account,
  }),
  getContactNotSent: endpoint({
    ...routes.getContactNotSent,
    summary: 'Every email that was not sent to a contact, with its reason',
    tag: 'contacts',
    params: IdParams,
    response: ContactNotSent,
  }),
  // ---- unenrolling (issue 4) ----
  bulkUnenroll: endpoint({
    ...routes.bulkUnenroll,
    summary:
      'Unenroll enrollments by ids or by the list\'s filter, all or nothing, as a batch that Undo reverses. ' +
      'Requires an Idempotency-Key header: a replay returns the first answer and changes nothing',
    tag: 'enrollments',
    body: BulkUnenrollRequest,
    response: BulkUnenrollResult,
  }),
  undoUnenroll: endpoint({
    ...routes.undoUnenroll,
    summary: 'Undo a bulk unenroll or a Needs attention remedy: restore what nothing changed since, say what was left and why (idempotent)',
    tag: 'enrollments',
    params: IdParams,
    response: UndoResult,
  }),
  listHistory: endpoint({
    ...routes.listHistory,
    summary: 'The sequence\'s History: who unenrolled (or enrolled) how many, when, with which filter; newest first',
    tag: 'sequences',
    params: IdParams,
    query: HistoryQuery,
    response: HistoryPage,
  }),
  listScheduled: endpoint({
    ...routes.listScheduled,
    summary: 'Upcoming steps of the sequence\'s active enrollments, soonest first, filtered by step type and time',
    tag: 'sequences',
    params: IdParams,
    query: ScheduledQuery,
    response: ScheduledPage,
  }),
  updateSequenceSettings: endpoint({
    ...routes.updateSequenceSettings,
    summary: 'Change a sequence\'s settings (managers, admins, or the rep who owns it)',
    tag: 'sequences',
    params: IdParams,
    body: SequenceSettingsUpdate,
    response: SequenceSettings,
  }),
  completeStep: endpoint({
    ...routes.completeStep,
    summary: 'Complete the current step: move to the next, or finish after the last (reason FINISHED)',
    tag: 'enrollments',
    params: IdParams,
    body: CompleteStepRequest,
    response: Enrollment,
  }),
  postActivity: endpoint({
    ...routes.postActivity,
    summary:
      'An event from a mail or calendar integration (Authorization: Bearer <integration key>); the unenroll ' +
      'rules apply to it. A repeated event id changes nothing',
    tag: 'activity',
    body: ActivityEvent,
    response: ActivityResult,
  }),
  createApiKey: endpoint({
    ...routes.createApiKey,
    summary: 'Create an integration key; the key is shown once, only its hash is stored',
    tag: 'activity',
    body: CreateIntegrationKeyRequest,
    response: CreatedIntegrationKey,
  }),
  listApiKeys: endpoint({
    ...routes.listApiKeys,
    summary: 'The integration keys (never the keys themselves)',
    tag: 'activity',
    response: IntegrationKeyList,
  }),
  revokeApiKey: endpoint({
    ...routes.revokeApiKey,
    summary: 'Revoke an integration key: requests with it are refused from now on',
    tag: 'activity',
    params: IdParams,
    response: null,
  }),
  // ---- needs attention (issue 14) ----
  getAttention: endpoint({
    ...routes.getAttention,
    summary:
      'Needs attention: every enrollment with an enrollment error or a send problem across the sequences the caller ' +
      'may see (reps: their own), grouped by what fixes it, biggest group first',
    tag: 'attention',
    query: AttentionFilter,
    response: AttentionOverview,
  }),
  attentionReenroll: endpoint({
    ...routes.attentionReenroll,
    summary:
      'Re-enroll a send-problem group (at this step, or at the next step spread under the inboxes\' daily limits), ' +
      'all or nothing, as a batch that Undo reverses; 409 when the group no longer holds expectedTotal. Requires an Idempotency-Key',
    tag: 'attention',
    body: AttentionFixRequest,
    response: AttentionFixResult,
  }),
  attentionUnenroll: endpoint({
    ...routes.attentionUnenroll,
    summary:
      'Unenroll a contact-error group (enrollments refused with an error code) to clean the sequences up, all or ' +
      'nothing, as a batch that Undo reverses; 409 when the group no longer holds expectedTotal. Requires an Idempotency-Key',
    tag: 'attention',
    body: AttentionFixRequest,
    response: AttentionFixResult,
  }),
  // ---- users and invites ----
  listUsers: endpoint({
    ...routes.listUsers,
    summary: 'Everyone in the account with role, state (active, invited, not invited, deactivated) and last sign-in',
    tag: 'users',
    response: UserList,
  }),
  inviteUser: endpoint({
    ...routes.inviteUser,
    summary:
      'Invite a person by email: answers a one-time invite token (the link /invite#<token>), valid 7 days. ' +
      'A person already here without a password gets a new link that replaces the old one. Rate-limited per address',
    tag: 'users',
    body: InviteUserRequest,
    response: Invite,
  }),
  reinviteUser: endpoint({
    ...routes.reinviteUser,
    summary: 'A new invite link for a person without a password (brought in by the ingest API, or whose link expired)',
    tag: 'users',
    params: IdParams,
    response: Invite,
  }),
  updateUser: endpoint({
    ...routes.updateUser,
    summary: "Change a person's role; the last active admin keeps theirs (409)",
    tag: 'users',
    params: IdParams,
    body: UpdateUserRequest,
    response: ManagedUser,
  }),
  deactivateUser: endpoint({
    ...routes.deactivateUser,
    summary: 'Deactivate a person: their sessions end at once, their invite stops working; never the last active admin (409)',
    tag: 'users',
    params: IdParams,
    response: ManagedUser,
  }),
  acceptInvite: endpoint({
    ...routes.acceptInvite,
    summary:
      'Set a password with an invite token and sign in (sets the session cookie). A token works once and expires; ' +
      'rate-limited per token',
    tag: 'users',
    body: AcceptInviteRequest,
    response: SessionResponse,
  }),
  // ---- marketing email and probation (issue 6) ----
  listMarketingEmails: endpoint({
    ...routes.listMarketingEmails,
    summary: 'One keyset page of the account\'s marketing emails (drafts, scheduled, sent), newest first',
    tag: 'marketing-email',
    query: MarketingEmailListQuery,
    response: MarketingEmailPage,
  }),
  sendMarketingEmail: endpoint({
    ...routes.sendMarketingEmail,
    summary: 'Send a draft or scheduled marketing email now; refused with 409 account_suspended while sending is suspended',
    tag: 'marketing-email',
    params: IdParams,
    response: MarketingEmail,
  }),
  getProbation: endpoint({
    ...routes.getProbation,
    summary: 'The account\'s probation level, the figure behind it, what comes next and the latest transitions',
    tag: 'probation',
    response: AccountProbation,
  }),
  getReviewProgress: endpoint({
    ...routes.getReviewProgress,
    summary: 'Where the open contact review stands (409 when the account is not under watch)',
    tag: 'probation',
    response: ReviewProgress,
  }),
  saveReviewProgress: endpoint({
    ...routes.saveReviewProgress,
    summary: 'Save the review\'s step and filter; a step can be reached only from the one before (409 review_incomplete)',
    tag: 'probation',
    body: SaveReviewProgressRequest,
    response: ReviewProgress,
  }),
  listReviewContacts: endpoint({
    ...routes.listReviewContacts,
    summary: 'One keyset page of the marketing contacts with consent, engagement and address, filtered by problem, with counts',
    tag: 'probation',
    query: ReviewContactsQuery,
    response: ReviewContactsPage,
  }),
  removeFromMarketing: endpoint({
    ...routes.removeFromMarketing,
    summary:
      'Make contacts non-marketing contacts (nothing is deleted), by ids or by a filter with the count the user confirmed; ' +
      'all or nothing, and repeating it changes nothing',
    tag: 'probation',
    body: RemoveFromMarketingRequest,
    response: RemoveFromMarketingResult,
  }),
  completeReview: endpoint({
    ...routes.completeReview,
    summary:
      'Complete the review: the account is no longer under watch. 422 without the confirmation, 409 review_incomplete when steps were skipped',
    tag: 'probation',
    body: CompleteReviewRequest,
    response: AccountProbation,
  }),
  // ---- the ingest API (docs/integration.md) ----
  ingestAccount: endpoint({
    ...routes.ingestAccount,
    summary:
      "Set the account's name, plan, industry and time zone (Authorization: Bearer <key with the ingest scope>); optionally apply " +
      'the probation rules as of a past moment',
    tag: 'ingest',
    body: IngestAccountRequest,
    response: IngestAccountResult,
  }),
  ingestUsers: endpoint({
    ...routes.ingestUsers,
    summary:
      'Upsert users (sales seats) by externalId, without passwords: they sign in once invited. ' +
      BATCH,
    tag: 'ingest',
    body: IngestUsersRequest,
    response: IngestResult,
  }),
  ingestInboxes: endpoint({
    ...routes.ingestInboxes,
    summary:
      'Upsert sending inboxes by externalId, each naming its owner. ' +
      BATCH,
    tag: 'ingest',
    body: IngestInboxesRequest,
    response: IngestResult,
  }),
  ingestCompanies: endpoint({
    ...routes.ingestCompanies,
    summary:
      'Upsert companies by externalId. ' +
      BATCH,
    tag: 'ingest',
    body: IngestCompaniesRequest,
    response: IngestResult,
  }),
  ingestContacts: endpoint({
    ...routes.ingestContacts,
    summary:
      'Upsert contacts by externalId with their consent, subscription, bounce and block state. ' +
      BATCH,
    tag: 'ingest',
    body: IngestContactsRequest,
    response: IngestResult,
  }),
  ingestSequences: endpoint({
    ...routes.ingestSequences,
    summary:
      'Upsert sequences by externalId with their settings and all their steps. ' +
      BATCH,
    tag: 'ingest',
    body: IngestSequencesRequest,
    response: IngestResult,
  }),
  ingestMarketingEmails: endpoint({
    ...routes.ingestMarketingEmails,
    summary:
      'Upsert marketing emails by externalId. ' +
      BATCH,
    tag: 'ingest',
    body: IngestMarketingEmailsRequest,
    response: IngestResult,
  }),
  ingestEnrollments: endpoint({
    ...routes.ingestEnrollments,
    summary:
      'Upsert enrollments by externalId: who, by whom, from which inbox, status, step, times, errors, unenroll reason. ' +
      BATCH,
    tag: 'ingest',
    body: IngestEnrollmentsRequest,
    response: IngestResult,
  }),
  ingestEmailEvents: endpoint({
    ...routes.ingestEmailEvents,
    summary:
      'Upsert email events (sales or marketing outcomes, bounces, spam reports, unsubscribes, not-sent reasons) by externalId. ' +
      BATCH,
    tag: 'ingest',
    body: IngestEmailEventsRequest,
    response: IngestResult,
  }),
  // ---- send forecast (issue 14) ----
  getSendForecast: endpoint({
    ...routes.getSendForecast,
    summary:
      "Per inbox, the sequence emails scheduled for each of the next 7 days (the account's time zone) against the " +
      'pause point, with the steps that would fail on a day over it. Reps see their own inboxes only',
    tag: 'forecast',
    query: SendForecastQuery,
    response: SendForecast,
  }),
  previewSpread: endpoint({
    ...routes.previewSpread,
    summary: 'What Spread would move: the sends over the pause point to the next days with room, and a token to confirm it',
    tag: 'forecast',
    params: IdParams,
    response: SpreadPreview,
  }),
  spreadSends: endpoint({
    ...routes.spreadSends,
    summary:
      'Move the overflow as previewed, in one transaction; 409 when the schedule changed since the preview. ' +
      'Requires an Idempotency-Key header: a replay returns the first answer and changes nothing',
    tag: 'forecast',
    params: IdParams,
    body: SpreadRequest,
    response: SpreadResult,
  }),
  undoSpread: endpoint({
    ...routes.undoSpread,
    summary: 'Undo a Spread: put every moved send that nothing changed since back at its previous time (idempotent)',
    tag: 'forecast',
    params: IdParams,
    response: UndoSpreadResult,
  }),
} as const satisfies { [K in keyof typeof routes]: Endpoint };

export type Api = typeof api;
export const allEndpoints = Object.values(api);
