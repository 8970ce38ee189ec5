import type { z } from 'zod';
import type { Access, Endpoint, HttpMethod } from '../contract/endpoint';
import type { ErrorCode, FieldIssue } from '../contract/errors';
import { CSRF_HEADER, IDEMPOTENCY_KEY_HEADER, type Route } from '../contract/routes';
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

declare const described: unique symbol;

/** An operation as the app holds it (see endpoints.ts): its route at run time, and the
 * endpoint's request and response shapes as types only. */
export type ClientEndpoint<E extends AnyEndpoint = AnyEndpoint> = Route & { readonly [described]?: E };

/** What `request` takes: the app's operations, or a whole endpoint with its schemas. */
type Callable = AnyEndpoint | ClientEndpoint;

/** The endpoint whose shapes a callable carries. */
type Described<T> = T extends AnyEndpoint ? T : T extends ClientEndpoint<infer E> ? E : never;

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
export type RequestOptions<C extends Callable> = Parts<Described<C>, 'params' | 'query' | 'body'> & {
  signal?: AbortSignal | undefined;
  /** Required by `idempotent` endpoints: one per user action, so a retry of that action cannot
   * repeat it. */
  idempotencyKey?: string;
  /** Overrides the session's CSRF token (sign-in sends one before any session exists). */
  csrfToken?: string;
};

/** What a call to `endpoint` resolves with: its response, parsed; nothing for a bodiless one
 * (`response: null` leaves the schema type at plain `ZodType`). */
export type ResponseOf<C extends Callable> =
  Described<C> extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R, Access>
    ? (z.ZodType extends R ? void : z.output<R>)
    : never;

/** The options argument may be left out when nothing in it is required. */
type OptionalIfEmpty<T> = Partial<T> extends T ? [options?: T] : [options: T];

const STATE_CHANGING = new Set<HttpMethod>(['post', 'put', 'patch', 'delete']);

/**
 * Calls `endpoint` of the catalog: its path with `params` filled in, its method, `query` and
 * JSON `body`. Rejects with `ApiError`; aborts reject with the AbortError.
 *
 * In development and tests the answer is also checked against the endpoint's response schema
 * (a mismatch rejects as `invalid_response`). A production build skips that check: the server
 * parses every answer with the same schema before sending it, so the browser would only repeat
 * it, and carrying the schemas would more than double what a first visit downloads.
 */
export async function request<C extends Callable>(
  endpoint: C,
  ...[options]: OptionalIfEmpty<RequestOptions<C>>
): Promise<ResponseOf<C>>;
export async function request(endpoint: Callable, options: RawOptions = {}): Promise<unknown> {
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
  if (endpoint.status === 204 || endpoint.produces || response.status === 204) return undefined;

  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The response is not JSON.', requestId, cause });
  }
  if (!import.meta.env.DEV) return json;
  const schema = await responseSchema(endpoint);
  const parsed = schema ? schema.safeParse(json) : { success: true as const, data: json };
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

/** The response schema of `endpoint`, from the catalog when the app passed only its route.
 * Development and tests only: the import keeps the schemas out of the production bundle. */
async function responseSchema(endpoint: Callable): Promise<z.ZodType | null | undefined> {
  if ('response' in endpoint) return endpoint.response;
  const { allEndpoints } = await import('../contract/api');
  return allEndpoints.find((e) => e.operationId === endpoint.operationId)?.response;
}

/** The address of `endpoint` with `params` and `query`, for what the browser fetches by itself
 * (a download link). */
export function urlFor<C extends Callable>(
  endpoint: C,
  ...[options]: OptionalIfEmpty<Parts<Described<C>, 'params' | 'query'>>
): string;
export function urlFor(endpoint: Callable, options: RawOptions = {}): string {
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

function buildUrl(endpoint: Route, { params, query }: RawOptions): string {
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
  const body = await parseErrorBody(json);
  if (body?.success) {
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

/** The API's error shape is checked with its schema, loaded when an error first arrives, so
 * the schema library stays out of the first download. Should that fail too (offline), the
 * status alone classifies the error. */
async function parseErrorBody(json: unknown) {
  try {
    const { ErrorBody } = await import('../contract/errors');
    return ErrorBody.safeParse(json);
  } catch {
    return undefined;
  }
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
