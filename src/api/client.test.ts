import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { endpoint } from '../contract/endpoint';
import { ApiError, request, urlFor } from './client';
import { api } from './endpoints';
import { rememberCsrfToken } from './csrf';

// The HTTP wrapper on its own: these endpoints and handlers stand in for any API, not for ours.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  rememberCsrfToken(null);
});
afterAll(() => server.close());

const Thing = z.object({ id: z.string() });
const things = {
  list: endpoint({
    operationId: 'listThings',
    method: 'get',
    path: '/api/things',
    summary: 'Things',
    tag: 'things',
    access: [],
    query: z.object({ q: z.string().optional(), sort: z.string().optional(), empty: z.string().optional(), none: z.string().optional() }),
    status: 200,
    response: Thing,
  }),
  part: endpoint({
    operationId: 'getPart',
    method: 'get',
    path: '/api/things/:id/parts/:part',
    summary: 'A part of a thing',
    tag: 'things',
    access: [],
    params: z.object({ id: z.string(), part: z.string() }),
    query: z.object({ limit: z.coerce.number().optional() }),
    status: 200,
    response: Thing,
  }),
  create: endpoint({
    operationId: 'createThing',
    method: 'post',
    path: '/api/things',
    summary: 'Create a thing',
    tag: 'things',
    access: [],
    body: z.object({ a: z.number() }),
    status: 200,
    response: Thing,
  }),
  remove: endpoint({
    operationId: 'removeThings',
    method: 'delete',
    path: '/api/things',
    summary: 'Remove the things',
    tag: 'things',
    access: [],
    status: 204,
    response: null,
  }),
  bulk: endpoint({
    operationId: 'bulkThings',
    method: 'post',
    path: '/api/things/bulk',
    summary: 'Change many things',
    tag: 'things',
    access: [],
    idempotent: true,
    body: z.object({ ids: z.array(z.string()) }),
    status: 200,
    response: Thing,
  }),
};

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('request', () => {
  it('sends the query without its empty values and returns the body parsed with the response schema', async () => {
    let url = '';
    server.use(
      http.get('*/api/things', ({ request }) => {
        url = request.url;
        return HttpResponse.json({ id: 't1', extra: 'dropped' });
      }),
    );
    await expect(request(things.list, { query: { q: 'a b', sort: 'name', empty: '', none: undefined } })).resolves.toEqual({ id: 't1' });
    expect(new URL(url).search).toBe('?q=a+b&sort=name');
  });

  it('fills the path parameters in, encoded', async () => {
    let url = '';
    server.use(
      http.get('*/api/things/*', ({ request }) => {
        url = request.url;
        return HttpResponse.json({ id: 'p' });
      }),
    );
    await request(things.part, { params: { id: 'a b/c', part: '7?x' }, query: { limit: 5 } });
    const { pathname, search } = new URL(url);
    expect(pathname).toBe('/api/things/a%20b%2Fc/parts/7%3Fx');
    expect(search).toBe('?limit=5');
  });

  it('sends the method of the endpoint and its body as JSON', async () => {
    let seen: { method: string; type: string | null; body: unknown } | null = null;
    server.use(
      http.post('*/api/things', async ({ request }) => {
        seen = { method: request.method, type: request.headers.get('Content-Type'), body: await request.json() };
        return HttpResponse.json({ id: 'new' });
      }),
    );
    await expect(request(things.create, { body: { a: 1 } })).resolves.toEqual({ id: 'new' });
    expect(seen).toEqual({ method: 'POST', type: 'application/json', body: { a: 1 } });
  });

  it('sends the session CSRF token on state changes only', async () => {
    const seen: Record<string, string | null> = {};
    server.use(
      http.all('*/api/things', ({ request }) => {
        seen[request.method] = request.headers.get('X-CSRF-Token');
        return request.method === 'DELETE' ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({ id: 'x' });
      }),
    );
    rememberCsrfToken('token-1');
    await request(things.list);
    await request(things.create, { body: { a: 1 } });
    await expect(request(things.remove)).resolves.toBeUndefined();
    expect(seen).toEqual({ GET: null, POST: 'token-1', DELETE: 'token-1' });
  });

  it('sends a CSRF token given with the call instead of the session one', async () => {
    let token: string | null = null;
    server.use(
      http.post('*/api/things', ({ request }) => {
        token = request.headers.get('X-CSRF-Token');
        return HttpResponse.json({ id: 'x' });
      }),
    );
    rememberCsrfToken('token-1');
    await request(things.create, { body: { a: 1 }, csrfToken: 'sign-in' });
    expect(token).toBe('sign-in');
  });

  it('sends the Idempotency-Key to an idempotent endpoint, and refuses to call one without it', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post('*/api/things*', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return HttpResponse.json({ id: 'x' });
      }),
    );
    await request(things.bulk, { body: { ids: ['1'] }, idempotencyKey: 'key-12345' });
    await request(things.create, { body: { a: 1 }, idempotencyKey: 'not-sent' });
    await expect(request(things.bulk, { body: { ids: ['1'] } })).rejects.toThrow('bulkThings needs an idempotencyKey');
    expect(keys).toEqual(['key-12345', null]);
  });

  it('resolves with nothing on a 204, whatever the endpoint expects', async () => {
    server.use(http.get('*/api/things', () => new HttpResponse(null, { status: 204 })));
    await expect(request(things.list)).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with all its fields', async () => {
    server.use(
      http.post('*/api/things', () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'Invalid body: body.email.',
              details: [{ path: 'body.email', message: 'Invalid email' }],
              requestId: 'req-42',
            },
          },
          { status: 400 },
        ),
      ),
    );
    const error = await failure(request(things.create, { body: { a: 1 } }));
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Invalid body: body.email.',
      details: [{ path: 'body.email', message: 'Invalid email' }],
      requestId: 'req-42',
    });
  });

  it('classifies an error that is not the API shape by its status', async () => {
    server.use(http.get('*/api/things', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })));
    const error = await failure(request(things.list));
    expect(error).toMatchObject({ status: 502, code: 'internal' });
  });

  it('reports a network failure as code network', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.error()));
    const error = await failure(request(things.list));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('rejects a body that breaks the contract', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.json({ id: 7 })));
    const error = await failure(request(things.list));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it("checks the app's own calls against the catalog's schema too, though they carry only the route", async () => {
    expect(api.getSession).not.toHaveProperty('response');
    server.use(http.get('*/api/session', () => HttpResponse.json({ user: { id: 1 }, csrfToken: null })));
    const error = await failure(request(api.getSession));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });

    server.use(http.get('*/api/session', () => HttpResponse.json({ user: null, csrfToken: 't' })));
    await expect(request(api.getSession)).resolves.toEqual({ user: null, csrfToken: 't' });
  });

  it('rejects a body that is not JSON', async () => {
    server.use(http.get('*/api/things', () => new HttpResponse('not json', { status: 200 })));
    const error = await failure(request(things.list));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response', message: 'The response is not JSON.' });
  });
});

describe('urlFor', () => {
  it('builds the address a request would use, for links the browser follows itself', () => {
    expect(urlFor(things.part, { params: { id: 'a/b', part: 'c' }, query: { limit: undefined } })).toBe('/api/things/a%2Fb/parts/c');
    expect(urlFor(things.list, { query: { q: 'x', empty: '' } })).toBe('/api/things?q=x');
    expect(urlFor(things.list)).toBe('/api/things');
  });
});
