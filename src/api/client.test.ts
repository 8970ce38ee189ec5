import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest } from './client';
import { rememberCsrfToken } from './csrf';

// The HTTP wrapper on its own: these handlers stand in for any server, not for the API.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  rememberCsrfToken(null);
});
afterAll(() => server.close());

const Thing = z.object({ id: z.string() });

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  it('sends the query and returns the body parsed with the schema', async () => {
    let url = '';
    server.use(
      http.get('*/api/things', ({ request }) => {
        url = request.url;
        return HttpResponse.json({ id: 't1', extra: 'dropped' });
      }),
    );
    await expect(apiRequest('/api/things', Thing, { query: { q: 'a b', sort: 'name', empty: '', none: undefined } })).resolves.toEqual({ id: 't1' });
    expect(new URL(url).search).toBe('?q=a+b&sort=name');
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
    await apiRequest('/api/things', Thing);
    await apiRequest('/api/things', Thing, { method: 'POST', body: { a: 1 } });
    await apiRequest('/api/things', null, { method: 'DELETE' });
    expect(seen).toEqual({ GET: null, POST: 'token-1', DELETE: 'token-1' });
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
    const error = await failure(apiRequest('/api/things', Thing, { method: 'POST', body: {} }));
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
    const error = await failure(apiRequest('/api/things', Thing));
    expect(error).toMatchObject({ status: 502, code: 'internal' });
  });

  it('reports a network failure as code network', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.error()));
    const error = await failure(apiRequest('/api/things', Thing));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('rejects a body that breaks the contract', async () => {
    server.use(http.get('*/api/things', () => HttpResponse.json({ id: 7 })));
    const error = await failure(apiRequest('/api/things', Thing));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });
});
