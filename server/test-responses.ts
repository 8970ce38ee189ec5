import { expect } from 'vitest';

// What the API tests check of a response. Apart from server/test-utils.ts, which the
// benchmarks import too: this needs vitest.

/** The body of a response with `status` (200 unless told), parsed by `schema`; else the test
 * fails with the body. */
export async function ok<T>(res: Response, schema: { parse(v: unknown): T }, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

/** An error response: its status, code, message and the paths of its field details. */
export async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string; details?: { path: string }[] } };
  return { status: res.status, code: body.error.code, message: body.error.message, paths: body.error.details?.map((d) => d.path) ?? [] };
}
