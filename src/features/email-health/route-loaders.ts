import type { QueryClient } from '@tanstack/react-query';
import { data } from 'react-router';
import type { User } from '../../contract/auth';
import { emailHealthQuery } from './api/get-email-health';
import { notSentQuery } from './api/get-not-sent';
import { parseReason, readHealthSearch, readNotSentSearch } from './health-search';

// What the email health routes load before they render. The router imports this module
// lazily, so the feature's code stays in its own chunk; the router passes in what is its own
// (the signed-in user, and which failures its error boundary shows).

export interface HealthRouteContext {
  queryClient: QueryClient;
  request: Request;
  user: User;
  /** Rethrows the failures the route error boundary shows (401, 403, 404); swallows the rest,
   * which the page shows itself with a retry. */
  rethrowIfRouteError: (error: unknown) => void;
}

/** What the routes hand their pages. */
export interface HealthPageData {
  user: User;
}

export async function loadEmailHealth({ queryClient, request, user, rethrowIfRouteError }: HealthRouteContext): Promise<HealthPageData> {
  const search = readHealthSearch(new URL(request.url).searchParams);
  await queryClient.ensureQueryData(emailHealthQuery(search)).catch(rethrowIfRouteError);
  return { user };
}

export async function loadNotSent(
  { queryClient, request, user, rethrowIfRouteError }: HealthRouteContext,
  reasonParam: string | undefined,
): Promise<HealthPageData> {
  const reason = parseReason(reasonParam);
  if (!reason) throw data(null, { status: 404 });
  const search = readNotSentSearch(reason, new URL(request.url).searchParams);
  await queryClient.ensureInfiniteQueryData(notSentQuery(search)).catch(rethrowIfRouteError);
  return { user };
}
