import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints } from '../src/contract/api';
import { Role } from '../src/contract/auth';
import type { Endpoint } from '../src/contract/endpoint';
import { DEFAULT_MAX_BODY_BYTES } from '../src/contract/routes';
import { ErrorBody } from '../src/contract/errors';
import { testClient, type TestClient } from './test-utils';

let t: TestClient;
let integration: Record<string, string>;
beforeAll(async () => {
  t = await testClient();
  // Integration endpoints authenticate with a key instead of a session.
  const res = await t.app.request('/api/integration-keys', {
    method: 'POST',
    headers: { ...(await t.signIn('admin')), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'api test', scope: 'both' }),
  });
  integration = { Authorization: `Bearer ${((await res.json()) as { key: string }).key}` };
});
afterAll(() => t.close());

const endpoints = allEndpoints as readonly Endpoint[];
const CHUNK = 16 * 1024;

/** A body of `total` bytes handed out in chunks as it is read, with no length announced. */
function chunked(total: number, make: (offset: number, n: number) => Uint8Array): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= total) return controller.close();
        const n = Math.min(CHUNK, total - offset);
        controller.enqueue(make(offset, n));
        offset += n;
      },
    },
    { highWaterMark: 0 },
  );
}
const concrete = (e: Endpoint) => e.path.replace(/:\w+/g, '1');
const isStateChanging = (e: Endpoint) => e.method !== 'get';

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  const body = ErrorBody.parse(await res.json());
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(res.headers.get('X-Request-Id'));
  return body;
}

describe('every endpoint', () => {
  it.each(endpoints.filter((e) => e.access !== 'public').map((e) => [e.operationId, e] as const))(
    '%s answers 401 when signed out',
    async (_id, e) => {
      const res = await t.app.request(concrete(e), {
        method: e.method.toUpperCase(),
        headers: { 'X-CSRF-Token': 'x', 'Content-Type': 'application/json' },
        body: isStateChanging(e) ? '{}' : undefined,
      });
      await expectError(res, 401, 'unauthenticated');
    },
  );

  const roleCases = endpoints.flatMap((e) =>
    e.access === 'public' || e.access === 'integration' || e.access.length === 0
      ? []
      : Role.options.filter((r) => !(e.access as readonly string[]).includes(r)).map((r) => [e.operationId, r, e] as const),
  );
  it('has role-restricted endpoints to check', () => expect(roleCases.length).toBeGreaterThan(0));
  it.each(roleCases)('%s answers 403 to %s', async (_id, role, e) => {
    const headers = await t.signIn(role);
    const res = await t.app.request(concrete(e), {
      method: e.method.toUpperCase(),
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: isStateChanging(e) ? '{}' : undefined,
    });
    await expectError(res, 403, 'forbidden');
  });

  // CSRF protects cookie sessions; integration endpoints take no cookie.
  it.each(endpoints.filter((e) => isStateChanging(e) && e.access !== 'integration').map((e) => [e.operationId, e] as const))(
    '%s refuses a request without the CSRF header, and with a wrong one',
    async (_id, e) => {
      const { Cookie } = await t.signIn('admin');
      for (const csrf of [undefined, 'not-the-token']) {
        const res = await t.app.request(concrete(e), {
          method: e.method.toUpperCase(),
          headers: { Cookie, 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
          body: '{}',
        });
        await expectError(res, 403, 'csrf_failed');
      }
    },
  );

  it.each(endpoints.filter((e) => e.body).map((e) => [e.operationId, e] as const))(
    '%s answers 400 to malformed JSON and names bad fields',
    async (_id, e) => {
      const headers =
        e.access === 'public' ? { 'X-CSRF-Token': 'x' } : e.access === 'integration' ? integration : await t.signIn('admin');
      const malformed = await t.app.request(concrete(e), {
        method: e.method.toUpperCase(),
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: '{"email": ',
      });
      await expectError(malformed, 400, 'malformed_json');
      const wrongShape = await t.app.request(concrete(e), {
        method: e.method.toUpperCase(),
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: '[1, 2]',
      });
      const body = await expectError(wrongShape, 400, 'validation_failed');
      expect(body.error.details?.[0]?.path).toMatch(/^body/);
    },
  );

  // A chunked upload announces no length: the limit must hold while the body streams in.
  it.each(endpoints.filter((e) => e.body).map((e) => [e.operationId, e] as const))(
    '%s refuses a streamed body over its limit with 413 before reading it all, and takes one at the limit',
    async (_id, e) => {
      const limit = e.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const headers =
        e.access === 'public' ? { 'X-CSRF-Token': 'x' } : e.access === 'integration' ? integration : await t.signIn('admin');
      const send = (body: ReadableStream<Uint8Array>) =>
        t.app.request(concrete(e), {
          method: e.method.toUpperCase(),
          headers: { ...headers, 'Content-Type': 'application/json' },
          body,
          duplex: 'half',
        } as RequestInit);

      // Valid JSON of exactly `limit` bytes: refused for its shape, not its size.
      const atLimit = new TextEncoder().encode(`[1, 2]${' '.repeat(limit - 6)}`);
      const fits = await send(chunked(atLimit.length, (offset, n) => atLimit.subarray(offset, offset + n)));
      await expectError(fits, 400, 'validation_failed');

      // An endless body (stopped at 16 times the limit, so a reader that never stops shows up
      // as a count rather than a hung test).
      let sent = 0;
      const endless = chunked(16 * limit, (_offset, n) => {
        sent += n;
        return new Uint8Array(n).fill(0x20);
      });
      const body = await expectError(await send(endless), 413, 'bad_request');
      expect(body.error.message).toContain(String(limit));
      expect(sent).toBeLessThanOrEqual(limit + 2 * CHUNK);
    },
  );

  it.each(endpoints.filter((e) => e.query).map((e) => [e.operationId, e] as const))(
    '%s answers 400 naming an unknown query parameter',
    async (_id, e) => {
      const headers = await t.signIn('admin');
      const res = await t.app.request(`${concrete(e)}?bogus=1`, { headers });
      const body = await expectError(res, 400, 'validation_failed');
      expect(body.error.details?.map((d) => d.path)).toContain('query.bogus');
    },
  );
});

describe('errors', () => {
  it('answers 404 JSON for an unknown API path', async () => {
    await expectError(await t.app.request('/api/nope'), 404, 'not_found');
  });

  it('never leaks a stack trace', async () => {
    const res = await t.app.request('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-CSRF-Token': 'x' },
      body: 'hello',
    });
    expect(res.status).toBe(415);
    expect(await res.text()).not.toMatch(/at .*\.ts/);
  });
});

describe('health and OpenAPI', () => {
  it('says ok and which store it uses', async () => {
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      store: 'pglite',
      version: 'test',
      checks: { database: { status: 'ok', durationMs: expect.any(Number) } },
    });
  });

  it('publishes a valid OpenAPI 3.1 document covering every endpoint', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(doc) as never);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.sort()).toEqual(endpoints.map((e) => e.operationId).sort());
  });

  it("documents each body's size limit and its 413", async () => {
    type Op = { requestBody?: { description?: string }; responses: Record<string, { description: string }> };
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Op>> };
    const op = (path: string, method: string) => doc.paths[path]?.[method];
    expect(op('/api/enrollments/bulk-unenroll', 'post')?.requestBody?.description).toBe('JSON, at most 262144 bytes');
    expect(op('/api/enrollments/bulk-unenroll', 'post')?.responses['413']?.description).toMatch(/over 262144 bytes/);
    expect(op('/api/session', 'post')?.requestBody?.description).toBe(`JSON, at most ${DEFAULT_MAX_BODY_BYTES} bytes`);
    expect(op('/api/sequences', 'get')?.responses['413']).toBeUndefined();
  });

  it('serves the reference UI without inline scripts', async () => {
    const html = await (await t.app.request('/api/docs')).text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });
});
