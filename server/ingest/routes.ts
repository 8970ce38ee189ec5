import type { Context, Hono } from 'hono';
import { api } from '../../src/contract/api';
import { IDEMPOTENCY_KEY_HEADER } from '../../src/contract/routes';
import type { Clock } from '../deps';
import type { AppEnv, Integration } from '../http/context';
import { HttpError, badRequest } from '../http/errors';
import { register } from '../http/register';
import type { Db, Queryable } from '../store/db';
import { sha256Hex } from '../sessions/tokens';
import {
  ingestAccount,
  ingestCompanies,
  ingestContacts,
  ingestEmailEvents,
  ingestEnrollments,
  ingestInboxes,
  ingestMarketingEmails,
  ingestSequences,
  ingestUsers,
} from './service';
import { countIngestRequest, findIngestAnswer, saveIngestAnswer } from './store';

export interface IngestLimit {
  /** Requests one integration key may make per window; more answer 429. */
  requests: number;
  windowSeconds: number;
}

export const DEFAULT_INGEST_LIMIT: IngestLimit = { requests: 1200, windowSeconds: 60 };

export function ingestRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock; limit: IngestLimit }): void {
  const { db, clock, limit } = deps;

  // The per-key rate limit, before the body is read. Requests without a usable key go on to
  // register(), which answers them 401 or 403.
  app.use('/api/ingest/*', async (c, next) => {
    const integration = await c.get('credentials').integration();
    if (integration && (integration.scope === 'ingest' || integration.scope === 'both')) {
      const now = clock.now();
      const windowMs = limit.windowSeconds * 1000;
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
      const made = await countIngestRequest(db, integration.keyId, windowStart);
      if (made > limit.requests) {
        const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
        throw new HttpError(
          429,
          'rate_limited',
          `Too many ingest requests with this key: at most ${limit.requests} every ${limit.windowSeconds} s. Retry in ${retryAfter} s.`,
          undefined,
          { 'Retry-After': String(retryAfter) },
        );
      }
    }
    await next();
  });

  /** Runs one ingest request in one transaction; with an Idempotency-Key, a replay gets the
   * first answer back and changes nothing. */
  async function once<T>(
    c: Context<AppEnv>,
    integration: Integration,
    operation: string,
    body: unknown,
    run: (tx: Queryable) => Promise<T>,
  ): Promise<T> {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return db.transaction(run);
    if (key.length < 8 || key.length > 200) {
      throw badRequest(`Invalid ${IDEMPOTENCY_KEY_HEADER}.`, [
        { path: `header.${IDEMPOTENCY_KEY_HEADER}`, message: 'Expected 8 to 200 characters' },
      ]);
    }
    // The parsed body: the raw one has been read (and counted) as it streamed in.
    const requestHash = await sha256Hex(`${operation}\n${JSON.stringify(body)}`);
    const replay = (stored: { operation: string; requestHash: string; response: unknown }) => {
      if (stored.requestHash !== requestHash) {
        throw new HttpError(422, 'unprocessable', `This ${IDEMPOTENCY_KEY_HEADER} was used for another request.`);
      }
      c.header('Idempotency-Replayed', 'true');
      return stored.response as T;
    };
    const stored = await findIngestAnswer(db, integration.keyId, key);
    if (stored) return replay(stored);
    return db.transaction(async (tx) => {
      const response = await run(tx);
      await saveIngestAnswer(tx, { keyId: integration.keyId, key, operation, requestHash, response, now: clock.now() });
      return response;
    });
  }

  register(app, api.ingestAccount, ({ c, body, integration }) =>
    once(c, integration, 'ingestAccount', body, (tx) => ingestAccount(tx, body, clock.now())),
  );
  register(app, api.ingestUsers, ({ c, body, integration }) =>
    once(c, integration, 'ingestUsers', body, (tx) => ingestUsers(tx, body.items, clock.now())),
  );
  register(app, api.ingestInboxes, ({ c, body, integration }) =>
    once(c, integration, 'ingestInboxes', body, (tx) => ingestInboxes(tx, body.items, clock.now())),
  );
  register(app, api.ingestCompanies, ({ c, body, integration }) =>
    once(c, integration, 'ingestCompanies', body, (tx) => ingestCompanies(tx, body.items, clock.now())),
  );
  register(app, api.ingestContacts, ({ c, body, integration }) =>
    once(c, integration, 'ingestContacts', body, (tx) => ingestContacts(tx, body.items, clock.now())),
  );
  register(app, api.ingestSequences, ({ c, body, integration }) =>
    once(c, integration, 'ingestSequences', body, (tx) => ingestSequences(tx, body.items, clock.now())),
  );
  register(app, api.ingestMarketingEmails, ({ c, body, integration }) =>
    once(c, integration, 'ingestMarketingEmails', body, (tx) => ingestMarketingEmails(tx, body.items, clock.now())),
  );
  register(app, api.ingestEnrollments, ({ c, body, integration }) =>
    once(c, integration, 'ingestEnrollments', body, (tx) => ingestEnrollments(tx, body.items, clock.now())),
  );
  register(app, api.ingestEmailEvents, ({ c, body, integration }) =>
    once(c, integration, 'ingestEmailEvents', body, (tx) => ingestEmailEvents(tx, body.items, clock.now())),
  );
}
