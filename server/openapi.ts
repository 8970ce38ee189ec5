import { z } from 'zod';
import { allEndpoints } from '../src/contract/api';
// A value import: registers the Error schema that every error response points at.
import { ErrorBody } from '../src/contract/errors';
import type { Endpoint } from '../src/contract/endpoint';
import { DEFAULT_MAX_BODY_BYTES } from '../src/contract/routes';

type JsonSchema = Record<string, unknown>;
const REF = (id: string) => `#/components/schemas/${id}`;

/** Drops the JSON Schema dialect keys and points local $defs (always registered schemas,
 * which all live in components) at components. */
function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
}

/** A schema as JSON Schema 2020-12 (what OpenAPI 3.1 speaks): a $ref when it has an id. */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: REF(id) };
  return clean(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema);
}

function parameters(e: Endpoint): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', e.params], ['query', e.query]] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

const ERROR_RESPONSES: Record<string, string> = {
  '400': 'Malformed JSON or an invalid field (details name each field)',
  '401': 'Not signed in',
  '403': 'Not allowed for this role or key scope, or CSRF token missing',
  '404': 'Not found',
  '429': 'Too many requests',
};

/** The OpenAPI 3.1 document, generated from the contract's endpoints and zod schemas. */
export function buildOpenApi(version: string): JsonSchema {
  void ErrorBody;
  const registered = z.toJSONSchema(z.globalRegistry, { uri: REF, io: 'output', unrepresentable: 'any' }) as {
    schemas: Record<string, JsonSchema>;
  };
  const schemas = Object.fromEntries(Object.entries(registered.schemas).map(([k, v]) => [k, clean(v)]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of allEndpoints as readonly Endpoint[]) {
    const path = e.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    responses[String(e.status)] = e.response
      ? { description: 'Success', content: { 'application/json': { schema: toSchema(e.response, 'output') } } }
      : e.produces
        ? { description: 'Success', content: { [e.produces]: { schema: { type: 'string' } } } }
        : { description: 'Success, no content' };
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      if (status === '401' && e.access === 'public') continue;
      responses[status] = { description, content: { 'application/json': { schema: { $ref: REF('Error') } } } };
    }
    for (const [status, other] of Object.entries(e.otherResponses ?? {})) {
      responses[status] = { description: other.description, content: { 'application/json': { schema: toSchema(other.response, 'output') } } };
    }
    const maxBodyBytes = e.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    if (e.body) {
      const limits = [`a body over ${maxBodyBytes} bytes (counted as it arrives, also without a Content-Length)`, e.maxItems && `more than ${e.maxItems} items`];
      responses['413'] = {
        description: `Too large: ${limits.filter(Boolean).join(' or ')}`,
        content: { 'application/json': { schema: { $ref: REF('Error') } } },
      };
    }
    paths[path] ??= {};
    paths[path][e.method] = {
      operationId: e.operationId,
      summary: e.summary,
      tags: [e.tag],
      ...(e.access === 'public' ? { security: [] } : e.access === 'integration' ? { security: [{ integrationKey: [] }] } : {}),
      parameters: [
        ...parameters(e),
        ...(e.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: true, description: 'A replay with the same key returns the first answer and changes nothing', schema: { type: 'string', minLength: 8, maxLength: 200 } }]
          : e.maxItems
            ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Optional: a replay with the same key returns the first answer and changes nothing', schema: { type: 'string', minLength: 8, maxLength: 200 } }]
            : []),
      ],
      ...(e.body
        ? {
            requestBody: {
              required: true,
              description: `JSON, at most ${maxBodyBytes} bytes`,
              content: { 'application/json': { schema: toSchema(e.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sequence Desk API',
      version,
      description:
        'Sales sequences and email deliverability. State-changing requests need the X-CSRF-Token header ' +
        'with the token from GET /api/session. Errors are { error: { code, message, details?, requestId } }.',
    },
    servers: [{ url: '/' }],
    security: [{ sessionCookie: [] }],
    tags: [...new Set(allEndpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sd_session' },
        integrationKey: { type: 'http', scheme: 'bearer', description: 'An integration API key created by an admin' },
      },
    },
  };
}
