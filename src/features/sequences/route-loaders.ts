import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../../contract/auth';
import { enrollmentCountQuery, enrollmentsQuery } from './api/get-enrollments';
import { sequenceQuery } from './api/get-sequence';
import { sequencesQuery } from './api/get-sequences';
import type { SequencePageData } from './components/sequence-page';
import { readSequenceSearch } from './enrollments-search';
import { readSequencesSearch } from './sequences-search';

// What the sequence routes load before they render. The router imports this module lazily,
// so the URL parsing (and the schema library it uses) stays out of the app's first download;
// the router passes in what is its own (the signed-in user, and which failures its error
// boundary shows).

export interface SequencesRouteContext {
  queryClient: QueryClient;
  request: Request;
  /** Rethrows the failures the route error boundary shows (401, 403, 404); swallows the rest,
   * which the page shows itself with a retry. */
  rethrowIfRouteError: (error: unknown) => void;
}

export async function loadSequences({ queryClient, request, rethrowIfRouteError }: SequencesRouteContext): Promise<null> {
  const search = readSequencesSearch(new URL(request.url).searchParams);
  await queryClient.ensureQueryData(sequencesQuery(search)).catch(rethrowIfRouteError);
  return null;
}

export async function loadSequence(
  { queryClient, request, rethrowIfRouteError }: SequencesRouteContext,
  user: User,
  id: string,
): Promise<SequencePageData> {
  const { tab, scheduled: _scheduled, ...view } = readSequenceSearch(new URL(request.url).searchParams);
  if (tab === 'enrollments') {
    // Started alongside the header's request, not after it; the page reads them.
    void queryClient.prefetchInfiniteQuery(enrollmentsQuery(id, view));
    void queryClient.prefetchQuery(enrollmentCountQuery(id, view.filter));
  }
  await queryClient.ensureQueryData(sequenceQuery(id)).catch(rethrowIfRouteError);
  return { user };
}
