import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, IdempotencyKey } from '../../src/contract/enrollments';
import type { Clock } from '../deps';
import { notSentOfContact } from '../email-health/store';
import { enrollmentsOfContact } from '../enrollments/store';
import { viewerOf, type AppEnv } from '../http/context';
import { nextCursor, readCursor } from '../http/cursor';
import { badRequest, notFound } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { importContacts } from './service';
import { getContact, searchContacts } from './store';

/** The Contacts list has one order, by name; its cursors are bound to it. */
const SORT = 'name';

export function contactRoutes(app: Hono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  register(app, api.searchContacts, async ({ query }) => {
    const page = await searchContacts(db, query.q, query.limit, readCursor(query.cursor, SORT, 'asc'));
    return { items: page.items, total: page.total, nextCursor: nextCursor(SORT, 'asc', page) };
  });

  register(app, api.importContacts, async ({ c, body, session }) => {
    const header = c.req.header(IDEMPOTENCY_KEY_HEADER);
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) {
      const message =
        header === undefined
          ? `Send an ${IDEMPOTENCY_KEY_HEADER} header (a new UUID per batch).`
          : (key.error.issues[0]?.message ?? 'Invalid key.');
      throw badRequest(`Invalid header: ${IDEMPOTENCY_KEY_HEADER}.`, [{ path: `header.${IDEMPOTENCY_KEY_HEADER}`, message }]);
    }
    const { result, replayed } = await importContacts(db, session, body, key.data, clock.now());
    if (replayed) c.header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
    return result;
  });

  register(app, api.getContact, async ({ params, session }) => {
    const contact = await getContact(db, Number(params.id));
    if (!contact) throw notFound('The contact');
    const viewer = viewerOf(session);
    return { ...contact, enrollments: await enrollmentsOfContact(db, Number(params.id), viewer), onlyOwnEnrollments: viewer.onlyOwn };
  });

  register(app, api.getContactNotSent, async ({ params }) => {
    const id = Number(params.id);
    if (!(await getContact(db, id))) throw notFound('The contact');
    return notSentOfContact(db, id);
  });
}
