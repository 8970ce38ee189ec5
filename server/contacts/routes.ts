import type { Hono } from 'hono';
import { api } from '../../src/contract/api';
import { notSentOfContact } from '../email-health/store';
import { enrollmentsOfContact } from '../enrollments/store';
import { viewerOf, type AppEnv } from '../http/context';
import { notFound } from '../http/errors';
import { register } from '../http/register';
import type { Db } from '../store/db';
import { getContact, searchContacts } from './store';

export function contactRoutes(app: Hono<AppEnv>, deps: { db: Db }): void {
  const { db } = deps;

  register(app, api.searchContacts, async ({ query }) => ({ items: await searchContacts(db, query.q, query.limit) }));

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
