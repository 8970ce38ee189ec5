import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../../contract/auth';
import { contactQuery } from './api/get-contact';
import type { ContactPageData } from './components/contact-page';

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
