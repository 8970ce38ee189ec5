import { z } from 'zod';
import { badRequest } from './errors';

// A cursor is the last row's sort key, bound to the sort it came from. It is opaque to
// clients; anything that does not decode to this shape is refused with 400.
const Payload = z.object({
  s: z.string(),
  d: z.enum(['asc', 'desc']),
  k: z.tuple([z.union([z.string().max(300), z.number()]), z.number().int().positive()]),
});

const toBase64Url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

export function encodeCursor(sort: string, dir: 'asc' | 'desc', key: [string | number, number]): string {
  return toBase64Url(JSON.stringify({ s: sort, d: dir, k: key }));
}

export function decodeCursor(cursor: string, sort: string, dir: 'asc' | 'desc'): [string | number, number] {
  const invalid = () =>
    badRequest('Invalid query: query.cursor.', [
      { path: 'query.cursor', message: 'The cursor is not one this list handed out (or the sort changed).' },
    ]);
  let payload: z.infer<typeof Payload>;
  try {
    payload = Payload.parse(JSON.parse(fromBase64Url(cursor)));
  } catch {
    throw invalid();
  }
  if (payload.s !== sort || payload.d !== dir) throw invalid();
  return payload.k;
}
