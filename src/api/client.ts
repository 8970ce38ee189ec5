import type { z } from 'zod';
import { CSRF_HEADER } from '../contract/auth';
import { ErrorBody, type ErrorCode, type FieldIssue } from '../contract/errors';
import { csrfToken } from './csrf';

/** The API's error codes, plus the two the client itself detects. */
export type ApiErrorCode = ErrorCode | 'network' | 'invalid_response';

/** Every failed API call rejects with this, whatever went wrong. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: FieldIssue[] | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    details?: FieldIssue[] | undefined;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestInit {
  method?: Method;
  query?: Record<string, QueryValue>;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Overrides the session's CSRF token (sign-in sends one before any session exists). */
  csrfToken?: string;
  /** Extra request headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

const STATE_CHANGING = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls the API and returns the response body parsed with `schema` (pass `null` for
 * endpoints without a body). Rejects with `ApiError`; aborts reject with the AbortError.
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, init?: ApiRequestInit): Promise<z.output<S>>;
export async function apiRequest(path: string, schema: null, init?: ApiRequestInit): Promise<void>;
export async function apiRequest(path: string, schema: z.ZodType | null, init: ApiRequestInit = {}): Promise<unknown> {
  const method = init.method ?? 'GET';
  const headers = new Headers({ ...init.headers, Accept: 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  if (STATE_CHANGING.has(method)) {
    const token = init.csrfToken ?? csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(path, init.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'The server could not be reached.', cause });
  }

  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (!response.ok) throw await toApiError(response, requestId);
  if (schema === null || response.status === 204) return undefined;

  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The response is not JSON.', requestId, cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `The response does not match the contract: ${parsed.error.message}`,
      requestId,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function withQuery(path: string, query: ApiRequestInit['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function toApiError(response: Response, requestId: string | undefined): Promise<ApiError> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const body = ErrorBody.safeParse(json);
  if (body.success) {
    const { code, message, details, requestId: bodyRequestId } = body.data.error;
    return new ApiError({ status: response.status, code, message, details, requestId: bodyRequestId });
  }
  // Not the API's error shape (a proxy or gateway answered): classify by status.
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    message: response.statusText || `HTTP ${response.status}`,
    requestId,
  });
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 422:
      return 'unprocessable';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}
