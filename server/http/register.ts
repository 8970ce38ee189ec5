import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { allows, type Access, type Endpoint } from '../../src/contract/endpoint';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/contract/routes';
import { CSRF_HEADER } from '../../src/contract/auth';
import type { FieldIssue } from '../../src/contract/errors';
import { HttpError, badRequest, forbidden, unauthenticated } from './errors';
import type { AppEnv, Integration, Session } from './context';

export interface HandlerInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, A extends Access> {
  c: Context<AppEnv>;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  /** The signed-in caller; present whenever the endpoint is for signed-in users. */
  session: A extends 'public' | 'integration' ? Session | null : Session;
  /** The integration key of the request; present whenever the endpoint is for integrations. */
  integration: A extends 'integration' ? Integration : Integration | null;
}

/** A handler returns the success body (validated against the endpoint's response schema),
 * or a Response for non-JSON bodies (CSV, HTML) and bodiless answers. */
type HandlerResult<R extends z.ZodType> = z.input<R> | Response;

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Registers `handler` for `endpoint`: checks the session and role, CSRF on state changes,
 * validates path, query and body against the contract, and serialises the result.
 */
export function register<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  A extends Access,
>(
  app: Hono<AppEnv>,
  endpoint: Endpoint<P, Q, B, R, A>,
  handler: (input: HandlerInput<P, Q, B, A>) => Promise<HandlerResult<R>> | HandlerResult<R>,
): void {
  app.on(endpoint.method.toUpperCase(), endpoint.path, async (c) => {
    const credentials = c.get('credentials');
    const session = endpoint.access === 'integration' ? null : await credentials.session();
    const integration = endpoint.access === 'integration' ? await credentials.integration() : null;
    if (endpoint.access === 'integration') {
      if (!integration) {
        throw new HttpError(401, 'unauthenticated', 'Send a valid integration key: Authorization: Bearer <key>.', undefined, {
          'WWW-Authenticate': 'Bearer',
        });
      }
      const needed = endpoint.keyScope ?? 'activity';
      if (integration.scope !== needed && integration.scope !== 'both') {
        throw new HttpError(403, 'forbidden', `This integration key may not be used for ${needed}: create a key with that scope.`);
      }
    } else if (endpoint.access !== 'public') {
      if (!session) throw unauthenticated();
      if (!allows(endpoint.access, session.user.role)) throw forbidden();
    }
    // A browser never attaches an integration key by itself, so a cross-site request cannot
    // borrow it: CSRF protection is for cookie sessions.
    if (STATE_CHANGING.has(endpoint.method) && endpoint.access !== 'integration') {
      checkCsrf(c.req.header(CSRF_HEADER), session);
    }

    const params = endpoint.params ? parse(endpoint.params, c.req.param(), 'params') : undefined;
    const query = endpoint.query ? parse(endpoint.query, readQuery(c), 'query') : undefined;
    const body = endpoint.body ? parse(endpoint.body, await readJson(c, endpoint), 'body') : undefined;

    const result = await handler({ c, params, query, body, session, integration } as HandlerInput<P, Q, B, A>);
    if (result instanceof Response) return result;
    if (endpoint.status === 204 || !endpoint.response) return c.body(null, 204);
    return c.json(endpoint.response.parse(result), endpoint.status);
  });
}

/** Cookie sessions need a matching token; requests without a session (sign-in) still
 * need the header, which a cross-site form cannot send. */
function checkCsrf(header: string | undefined, session: Session | null): void {
  if (!header) throw new HttpError(403, 'csrf_failed', `Missing ${CSRF_HEADER} header.`);
  if (session && header !== session.csrfToken) {
    throw new HttpError(403, 'csrf_failed', `The ${CSRF_HEADER} header does not match the session.`);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: [where, ...issue.path.map(String), ...(key ? [key] : [])].join('.'),
      message: issue.message,
    }));
  }).flat();
  const fields = [...new Set(details.map((d) => d.path))].join(', ');
  throw badRequest(`Invalid ${where}: ${fields}.`, details);
}

/** Query parameters as an object; repeated keys become arrays. */
function readQuery(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

/** The JSON body, within the endpoint's limits: bytes, counted as they stream in
 * (DEFAULT_MAX_BODY_BYTES unless the route says otherwise), and, for batches, the number of
 * `items` (413 either way, before the items are validated). */
async function readJson(c: Context, limits: { maxBodyBytes?: number; maxItems?: number }): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'bad_request', 'Send the request body as application/json.');
  }
  const text = await readText(c.req.raw, limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  const items = (value as { items?: unknown } | null)?.items;
  if (limits.maxItems !== undefined && Array.isArray(items) && items.length > limits.maxItems) {
    throw new HttpError(413, 'bad_request', `Too many items: at most ${limits.maxItems} a request (got ${items.length}).`);
  }
  return value;
}

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'bad_request', `The request body is larger than this endpoint accepts (${maxBytes} bytes).`);

/**
 * The body as text, counted while it streams: a body over `maxBytes` is refused as soon as the
 * limit is passed, whether or not it announced its length (a chunked upload has none), so an
 * endless body costs at most `maxBytes` of memory and is never read to its end. Hono's
 * bodyLimit middleware does the counting too, but runs before register's checks and copies the
 * body into a new Request; here nothing is read until access, CSRF and content type have passed.
 */
async function readText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading; the server drains or drops what the client still sends.
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
