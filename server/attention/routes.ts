import type { Context, Hono } from 'hono';
import { api } from '../../src/contract/api';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, IdempotencyKey } from '../../src/contract/enrollments';
import type { Clock } from '../deps';
import type { AppEnv } from '../http/context';
import { badRequest } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { attentionOverview, reenrollGroup, unenrollAttentionGroup } from './service';

/** The request's Idempotency-Key, or 400 naming the header. */
function idempotencyKeyOf(c: Context<AppEnv>): string {
  const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
  const key = IdempotencyKey.safeParse(header);
  if (key.success) return key.data;
  const message =
    header === undefined ? `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new UUID per action).` : (key.error.issues[0]?.message ?? 'Invalid key.');
  throw badRequest(`Invalid header: ${IDEMPOTENCY_KEY_HEADER}.`, [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message }]);
}

export function attentionRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.getAttention, ({ query, session }) => attentionOverview(db, session, query));

  register(app, api.attentionReenroll, async ({ c, body, session }) => {
    const { result, replayed } = await reenrollGroup({ db, session, input: body, idempotencyKey: idempotencyKeyOf(c), now: clock.now() });
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });

  register(app, api.attentionUnenroll, async ({ c, body, session }) => {
    const { result, replayed } = await unenrollAttentionGroup({ db, session, input: body, idempotencyKey: idempotencyKeyOf(c), now: clock.now() });
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });
}
