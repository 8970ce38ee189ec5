import type { Role } from './auth';

/** `public`: anyone; `integration`: an integration key (`Authorization: Bearer <key>`), not a
 * session; otherwise the roles allowed (an empty list means any signed-in user). */
export type Access = 'public' | 'integration' | readonly Role[];

/** What an integration key may be allowed to do; a key's scope is one of these or both. */
export const INTEGRATION_SCOPES = ['activity', 'ingest', 'both'] as const;
export type KeyScope = (typeof INTEGRATION_SCOPES)[number];

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Where each operation of the API lives and who may call it: what the browser needs to make a
 * call, without the schemas. The catalog (api.ts) adds each operation's schemas and
 * documentation to its route here, so a path is written once; the browser imports this table
 * alone and leaves the schema library out of its first download.
 */
export interface Route {
  operationId: string;
  method: HttpMethod;
  /** Hono-style path, e.g. `/api/sequences/:id`. */
  path: string;
  access: Access;
  /** For `integration` access: what the key must be allowed to do (default `activity`). */
  keyScope?: Exclude<KeyScope, 'both'>;
  /** The request must carry an `Idempotency-Key` header (mutations over many rows). */
  idempotent?: boolean;
  /** The most entries the body's \`items\` array may have; more is refused with 413. */
  maxItems?: number;
  /** Success status; 204 has no body. */
  status: 200 | 201 | 202 | 204;
  /** Content type of a non-JSON success body (CSV export, HTML docs). */
  produces?: string;
  /** Largest request body accepted, in bytes (413 beyond it); DEFAULT_MAX_BODY_BYTES if unset.
   * Raise it only for endpoints that take many items at once (bulk changes, ingest). */
  maxBodyBytes?: number;
}

/** Request bodies are small JSON unless an endpoint says otherwise (`maxBodyBytes`). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Echoes the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** Header that makes a many-row mutation safe to retry: a replay returns the first answer. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Items in one ingest request (docs/integration.md). */
export const MAX_INGEST_ITEMS = 1000;
/** The largest ingest request body, in bytes: 1,000 items with long ids fit. */
export const MAX_INGEST_BODY_BYTES = 4_000_000;

/** An ingest operation: a batch upsert by the sender's ids, with an ingest-scoped key. */
const ingest = <const Id extends string, const Path extends string>(operationId: Id, path: Path) =>
  ({
    operationId,
    method: 'post',
    path,
    access: 'integration',
    keyScope: 'ingest',
    maxItems: MAX_INGEST_ITEMS,
    maxBodyBytes: MAX_INGEST_BODY_BYTES,
    status: 200,
  }) as const;

const CAN_CHANGE_ENROLLMENTS = ['rep', 'manager', 'admin'] as const;
/** Marketing email and the contact review are the marketers' (and admins'); everyone may read
 * the probation state, since it explains why marketing email stopped. */
const MARKETING = ['marketer', 'admin'] as const;

export const routes = {
  health: { operationId: 'getHealth', method: 'get', path: '/api/health', access: 'public', status: 200 },
  getSession: { operationId: 'getSession', method: 'get', path: '/api/session', access: 'public', status: 200 },
  signIn: { operationId: 'signIn', method: 'post', path: '/api/session', access: 'public', status: 200 },
  signOut: { operationId: 'signOut', method: 'delete', path: '/api/session', access: [], status: 204 },
  listSequences: { operationId: 'listSequences', method: 'get', path: '/api/sequences', access: [], status: 200 },
  getSequence: { operationId: 'getSequence', method: 'get', path: '/api/sequences/:id', access: [], status: 200 },
  listEnrollments: {
    operationId: 'listEnrollments',
    method: 'get',
    path: '/api/sequences/:id/enrollments',
    access: [],
    status: 200,
  },
  countEnrollments: {
    operationId: 'countEnrollments',
    method: 'get',
    path: '/api/sequences/:id/enrollments/count',
    access: [],
    status: 200,
  },
  exportEnrollments: {
    operationId: 'exportEnrollments',
    method: 'get',
    path: '/api/sequences/:id/enrollments/export',
    access: [],
    status: 200,
    produces: 'text/csv',
  },
  enrollContacts: {
    operationId: 'enrollContacts',
    method: 'post',
    path: '/api/sequences/:id/enrollments',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  unenroll: {
    operationId: 'unenroll',
    method: 'post',
    path: '/api/enrollments/:id/unenroll',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  reenroll: {
    operationId: 'reenroll',
    method: 'post',
    path: '/api/enrollments/:id/reenroll',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  searchContacts: { operationId: 'searchContacts', method: 'get', path: '/api/contacts', access: [], status: 200 },
  importContacts: {
    operationId: 'importContacts',
    method: 'post',
    path: '/api/contacts/import',
    access: ['manager', 'marketer', 'admin'],
    idempotent: true,
    // A batch of up to 1,000 rows; the browser cuts batches at 800,000 bytes (contact-import.ts).
    maxBodyBytes: 1024 * 1024,
    status: 200,
  },
  getContact: { operationId: 'getContact', method: 'get', path: '/api/contacts/:id', access: [], status: 200 },
  listInboxes: { operationId: 'listInboxes', method: 'get', path: '/api/inboxes', access: [], status: 200 },
  // ---- email health (issue 5) ----
  getEmailHealth: {
    operationId: 'getEmailHealth',
    method: 'get',
    path: '/api/email-health',
    access: ['marketer', 'admin'],
    status: 200,
  },
  listNotSentContacts: {
    operationId: 'listNotSentContacts',
    method: 'get',
    path: '/api/email-health/not-sent',
    access: ['marketer', 'admin'],
    status: 200,
  },
  getAccount: { operationId: 'getAccount', method: 'get', path: '/api/account', access: [], status: 200 },
  updateAccountIndustry: {
    operationId: 'updateAccountIndustry',
    method: 'put',
    path: '/api/account/industry',
    access: ['admin'],
    status: 200,
  },
  getContactNotSent: {
    operationId: 'getContactNotSent',
    method: 'get',
    path: '/api/contacts/:id/not-sent',
    access: [],
    status: 200,
  },
  // ---- unenrolling (issue 4) ----
  bulkUnenroll: {
    operationId: 'bulkUnenroll',
    method: 'post',
    path: '/api/enrollments/bulk-unenroll',
    access: CAN_CHANGE_ENROLLMENTS,
    idempotent: true,
    status: 200,
    // Up to 5,000 ticked ids of up to 9 digits, about 60 KB.
    maxBodyBytes: 256 * 1024,
  },
  undoUnenroll: {
    operationId: 'undoUnenroll',
    method: 'post',
    path: '/api/unenroll-batches/:id/undo',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  listHistory: {
    operationId: 'listHistory',
    method: 'get',
    path: '/api/sequences/:id/history',
    access: ['manager', 'admin'],
    status: 200,
  },
  listScheduled: { operationId: 'listScheduled', method: 'get', path: '/api/sequences/:id/scheduled', access: [], status: 200 },
  updateSequenceSettings: {
    operationId: 'updateSequenceSettings',
    method: 'patch',
    path: '/api/sequences/:id/settings',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  completeStep: {
    operationId: 'completeStep',
    method: 'post',
    path: '/api/enrollments/:id/complete-step',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  postActivity: {
    operationId: 'postActivity',
    method: 'post',
    path: '/api/activity',
    access: 'integration',
    keyScope: 'activity',
    status: 200,
  },
  createApiKey: { operationId: 'createApiKey', method: 'post', path: '/api/integration-keys', access: ['admin'], status: 201 },
  listApiKeys: { operationId: 'listApiKeys', method: 'get', path: '/api/integration-keys', access: ['admin'], status: 200 },
  revokeApiKey: {
    operationId: 'revokeApiKey',
    method: 'delete',
    path: '/api/integration-keys/:id',
    access: ['admin'],
    status: 204,
  },
  // ---- needs attention (issue 14) ----
  getAttention: { operationId: 'getAttention', method: 'get', path: '/api/attention', access: [], status: 200 },
  attentionReenroll: {
    operationId: 'attentionReenroll',
    method: 'post',
    path: '/api/attention/reenroll',
    access: CAN_CHANGE_ENROLLMENTS,
    idempotent: true,
    status: 200,
  },
  attentionUnenroll: {
    operationId: 'attentionUnenroll',
    method: 'post',
    path: '/api/attention/unenroll',
    access: CAN_CHANGE_ENROLLMENTS,
    idempotent: true,
    status: 200,
  },
  // ---- users and invites (admins; the invite link is public) ----
  listUsers: { operationId: 'listUsers', method: 'get', path: '/api/users', access: ['admin'], status: 200 },
  inviteUser: { operationId: 'inviteUser', method: 'post', path: '/api/users', access: ['admin'], status: 201 },
  reinviteUser: {
    operationId: 'reinviteUser',
    method: 'post',
    path: '/api/users/:id/invite',
    access: ['admin'],
    status: 201,
  },
  updateUser: { operationId: 'updateUser', method: 'patch', path: '/api/users/:id', access: ['admin'], status: 200 },
  deactivateUser: {
    operationId: 'deactivateUser',
    method: 'post',
    path: '/api/users/:id/deactivate',
    access: ['admin'],
    status: 200,
  },
  acceptInvite: { operationId: 'acceptInvite', method: 'post', path: '/api/invites/accept', access: 'public', status: 200 },
  // ---- marketing email and probation (issue 6) ----
  listMarketingEmails: {
    operationId: 'listMarketingEmails',
    method: 'get',
    path: '/api/marketing-emails',
    access: [],
    status: 200,
  },
  sendMarketingEmail: {
    operationId: 'sendMarketingEmail',
    method: 'post',
    path: '/api/marketing-emails/:id/send',
    access: MARKETING,
    status: 200,
  },
  getProbation: { operationId: 'getProbation', method: 'get', path: '/api/probation', access: [], status: 200 },
  getReviewProgress: {
    operationId: 'getReviewProgress',
    method: 'get',
    path: '/api/probation/review',
    access: MARKETING,
    status: 200,
  },
  saveReviewProgress: {
    operationId: 'saveReviewProgress',
    method: 'put',
    path: '/api/probation/review',
    access: MARKETING,
    status: 200,
  },
  listReviewContacts: {
    operationId: 'listReviewContacts',
    method: 'get',
    path: '/api/probation/review/contacts',
    access: MARKETING,
    status: 200,
  },
  removeFromMarketing: {
    operationId: 'removeFromMarketing',
    method: 'post',
    path: '/api/probation/review/remove',
    access: MARKETING,
    status: 200,
  },
  completeReview: {
    operationId: 'completeReview',
    method: 'post',
    path: '/api/probation/review/complete',
    access: MARKETING,
    status: 200,
  },
  // ---- the ingest API (docs/integration.md) ----
  ingestAccount: {
    operationId: 'ingestAccount',
    method: 'post',
    path: '/api/ingest/account',
    access: 'integration',
    keyScope: 'ingest',
    status: 200,
  },
  ingestUsers: ingest('ingestUsers', '/api/ingest/users'),
  ingestInboxes: ingest('ingestInboxes', '/api/ingest/inboxes'),
  ingestCompanies: ingest('ingestCompanies', '/api/ingest/companies'),
  ingestContacts: ingest('ingestContacts', '/api/ingest/contacts'),
  ingestSequences: ingest('ingestSequences', '/api/ingest/sequences'),
  ingestMarketingEmails: ingest('ingestMarketingEmails', '/api/ingest/marketing-emails'),
  ingestEnrollments: ingest('ingestEnrollments', '/api/ingest/enrollments'),
  ingestEmailEvents: ingest('ingestEmailEvents', '/api/ingest/email-events'),
  // ---- send forecast (issue 14) ----
  getSendForecast: {
    operationId: 'getSendForecast',
    method: 'get',
    path: '/api/send-forecast',
    access: [],
    status: 200,
  },
  previewSpread: {
    operationId: 'previewSpread',
    method: 'get',
    path: '/api/inboxes/:id/spread',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
  spreadSends: {
    operationId: 'spreadSends',
    method: 'post',
    path: '/api/inboxes/:id/spread',
    access: CAN_CHANGE_ENROLLMENTS,
    idempotent: true,
    status: 200,
  },
  undoSpread: {
    operationId: 'undoSpread',
    method: 'post',
    path: '/api/send-spreads/:id/undo',
    access: CAN_CHANGE_ENROLLMENTS,
    status: 200,
  },
} as const satisfies Record<string, Route>;
