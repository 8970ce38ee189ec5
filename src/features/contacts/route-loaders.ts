import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import { can } from '../../api/can';
import { api } from '../../api/endpoints';
import type { User } from '../../contract/auth';
import { contactQuery } from './api/get-contact';
import { contactsQuery } from './api/get-contacts';
import type { ContactPageData } from './components/contact-page';
import type { ContactsPageData } from './components/contacts-page';
import { readContactsSearch } from './contacts-search';

// What the contact route loads before it renders; the router imports this module lazily, with
// the page, and passes in what is its own.

export interface ContactRouteContext {
  queryClient: QueryClient;
  /** Rethrows the failures the route error boundary shows (401, 403, 404); swallows the rest,
   * which the page shows itself with a retry. */
  rethrowIfRouteError: (error: unknown) => void;
}

export async function loadContact({ queryClient, rethrowIfRouteError }: ContactRouteContext, user: User, id: string): Promise<ContactPageData> {
  await queryClient.ensureQueryData(contactQuery(id)).catch(rethrowIfRouteError);
  return { user };
}

export async function loadContacts(
  { queryClient, rethrowIfRouteError }: ContactRouteContext,
  user: User,
  request: Request,
): Promise<ContactsPageData> {
  const q = readContactsSearch(new URL(request.url).searchParams);
  await queryClient.ensureInfiniteQueryData(contactsQuery(q)).catch(rethrowIfRouteError);
  return { user };
}

/** Import contacts is for the roles that may import: the others get the Forbidden page. */
export function loadImportContacts(user: User): null {
  if (!can(api.importContacts, user)) throw data(null, { status: 403 });
  return null;
}
