import type { z } from 'zod';
import { CSRF_HEADER } from '../contract/auth';
import type { Access, Endpoint, HttpMethod } from '../contract/endpoint';
import { ErrorBody, type ErrorCode, type FieldIssue } from '../contract/errors';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/enrollments';
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

type AnyEndpoint = Endpoint<z.ZodType, z.ZodType, z.ZodType, z.ZodType, Access>;

/** One of an endpoint's inputs (`params`, `query`, `body`): absent when the endpoint has no
 * schema for it, optional when every field of its schema is. */
type Part<K extends string, S> = [S] extends [z.ZodNever]
  ? { [P in K]?: never }
  : Partial<z.input<S>> extends z.input<S>
    ? { [P in K]?: z.input<S> }
    : { [P in K]: z.input<S> };

type Parts<E, Keys extends 'params' | 'query' | 'body'> =
  E extends Endpoint<infer P, infer Q, infer B, z.ZodType, Access>
    ? Pick<Part<'params', P> & Part<'query', Q> & Part<'body', B>, Keys>
    : never;

/** What a call to `endpoint` needs besides the endpoint. */
export type RequestOptions<E extends AnyEndpoint> = Parts<E, 'params' | 'query' | 'body'> & {
  signal?: AbortSignal | undefined;
  /** Required by `idempotent` endpoints: one per user action, so a retry of that action cannot
   * repeat it. */
  idempotencyKey?: string;
  /** Overrides the session's CSRF token (sign-in sends one before any session exists). */
  csrfToken?: string;
};

/** What a call to `endpoint` resolves with: its response, parsed; nothing for a bodiless one
 * (`response: null` leaves the schema type at plain `ZodType`). */
export type ResponseOf<E extends AnyEndpoint> =
  E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R, Access> ? (z.ZodType extends R ? void : z.output<R>) : never;

/** The options argument may be left out when nothing in it is required. */
type OptionalIfEmpty<T> = Partial<T> extends T ? [options?: T] : [options: T];

const STATE_CHANGING = new Set<HttpMethod>(['post', 'put', 'patch', 'delete']);

/**
 * Calls `endpoint` of the catalog: its path with `params` filled in, its method, `query` and
 * JSON `body`; the answer is parsed with its response schema. Rejects with `ApiError`; aborts
 * reject with the AbortError.
 */
export async function request<E extends AnyEndpoint>(
  endpoint: E,
  ...[options]: OptionalIfEmpty<RequestOptions<E>>
): Promise<ResponseOf<E>>;
export async function request(endpoint: AnyEndpoint, options: RawOptions = {}): Promise<unknown> {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (STATE_CHANGING.has(endpoint.method)) {
    const token = options.csrfToken ?? csrfToken();
    if (token) headers.set(CSRF_HEADER, token);
  }
  if (endpoint.idempotent) {
    if (!options.idempotencyKey) throw new Error(`${endpoint.operationId} needs an idempotencyKey.`);
    headers.set(IDEMPOTENCY_KEY_HEADER, options.idempotencyKey);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(endpoint, options), {
      method: endpoint.method.toUpperCase(),
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'The server could not be reached.', cause });
  }

  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (!response.ok) throw await toApiError(response, requestId);
  if (endpoint.response === null || response.status === 204) return undefined;

  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The response is not JSON.', requestId, cause });
  }
  const parsed = endpoint.response.safeParse(json);
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

/** The address of `endpoint` with `params` and `query`, for what the browser fetches by itself
 * (a download link). */
export function urlFor<E extends AnyEndpoint>(endpoint: E, ...[options]: OptionalIfEmpty<Parts<E, 'params' | 'query'>>): string;
export function urlFor(endpoint: AnyEndpoint, options: RawOptions = {}): string {
  return buildUrl(endpoint, options);
}

interface RawOptions {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string;
  csrfToken?: string;
}

function buildUrl(endpoint: AnyEndpoint, { params, query }: RawOptions): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`${endpoint.operationId} needs the path parameter ${name}.`);
    }
    return encodeURIComponent(String(value));
  });
  return withQuery(path, query as Record<string, unknown> | undefined);
}

/** Empty values are left out: the server then applies its defaults. */
function withQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
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
