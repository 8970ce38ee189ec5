import { z } from 'zod';
import { badRequest } from './errors';

// Keyset pagination, in one place. A cursor is the last row's sort key, bound to the sort it
// came from; it is opaque to clients, and anything that does not decode to this shape is
// refused with 400. A store asks for fetchLimit(limit) rows and cuts them into a page with
// keysetPage; a route turns the page's last key into the next cursor with nextCursor, and a
// cursor back into a key with readCursor.

/** A row's position in a keyset order: its sort value and, to break ties, its id. */
export type CursorKey = [value: string | number, id: number];
export type SortDir = 'asc' | 'desc';

/** One page of a keyset list: its items, whether rows follow, and the key of its last row. */
export interface KeysetPage<T, K extends CursorKey = CursorKey> {
  items: T[];
  hasMore: boolean;
  last: K | null;
}

const Payload = z.object({
  s: z.string(),
  d: z.enum(['asc', 'desc']),
  k: z.tuple([z.union([z.string().max(300), z.number()]), z.number().int().positive()]),
});

const toBase64Url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));

const NOT_OURS = 'The cursor is not one this list handed out (or the sort changed).';
const invalidCursor = (message = NOT_OURS) => badRequest('Invalid query: query.cursor.', [{ path: 'query.cursor', message }]);

export function encodeCursor(sort: string, dir: SortDir, key: CursorKey): string {
  return toBase64Url(JSON.stringify({ s: sort, d: dir, k: key }));
}

export function decodeCursor(cursor: string, sort: string, dir: SortDir): CursorKey {
  let payload: z.infer<typeof Payload>;
  try {
    payload = Payload.parse(JSON.parse(fromBase64Url(cursor)));
  } catch {
    throw invalidCursor();
  }
  if (payload.s !== sort || payload.d !== dir) throw invalidCursor();
  return payload.k;
}

/** The LIMIT of a keyset query for a page of `limit` rows: one row more tells whether more follow. */
export const fetchLimit = (limit: number) => limit + 1;

/** The page out of the rows a keyset query fetched with `fetchLimit(limit)`; `keyOf` gives a
 * row's position, for the next cursor. */
export function keysetPage<R, T, K extends CursorKey>(
  rows: readonly R[],
  limit: number,
  toItem: (row: R) => T,
  keyOf: (row: R) => K,
): KeysetPage<T, K> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((r) => toItem(r)), hasMore: rows.length > limit, last: last === undefined ? null : keyOf(last) };
}

/** The cursor of the page after `page`, or null when it was the last. */
export function nextCursor(sort: string, dir: SortDir, page: { hasMore: boolean; last: CursorKey | null }): string | null {
  return page.hasMore && page.last ? encodeCursor(sort, dir, page.last) : null;
}

/** The position a request's cursor names, or null without a cursor. */
export function readCursor(cursor: string | undefined, sort: string, dir: SortDir): CursorKey | null {
  return cursor ? decodeCursor(cursor, sort, dir) : null;
}

/** A cursor whose sort value is an ISO time (History, Scheduled). */
export function readTimeCursor(cursor: string | undefined, sort: string, dir: SortDir): [string, number] | null {
  const key = readCursor(cursor, sort, dir);
  if (!key) return null;
  const [time, id] = key;
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) throw invalidCursor('The cursor is not one this list handed out.');
  return [time, id];
}

/** A cursor whose sort value is epoch microseconds (a string would be a cursor of another list). */
export function readMicrosCursor(cursor: string | undefined, sort: string, dir: SortDir): [number, number] | null {
  const key = readCursor(cursor, sort, dir);
  if (!key) return null;
  const [us, id] = key;
  if (typeof us !== 'number' || !Number.isSafeInteger(us)) throw invalidCursor();
  return [us, id];
}

/** A cursor of a list that walks by id alone (the key carries the id twice). */
export function readIdCursor(cursor: string | undefined, dir: SortDir): number | null {
  return readCursor(cursor, 'id', dir)?.[1] ?? null;
}

/** The key of a row in a list that walks by id alone. */
export const idKey = (id: number): [number, number] => [id, id];
