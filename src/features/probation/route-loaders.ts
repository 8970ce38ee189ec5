import type { QueryClient } from '@tanstack/react-query';
import { marketingEmailsQuery } from './api/get-marketing-emails';
import { probationQuery } from './api/get-probation';

// What the marketing email route loads before it renders; the router imports this module
// lazily, with the page, and passes in what is its own.

export interface ProbationRouteContext {
  queryClient: QueryClient;
  /** Rethrows the failures the route error boundary shows (401, 403, 404); swallows the rest,
   * which the page shows itself with a retry. */
  rethrowIfRouteError: (error: unknown) => void;
}

/** The probation state and the first page of emails. Both sections show their own failures
 * with a retry. */
export async function loadMarketingEmail({ queryClient, rethrowIfRouteError }: ProbationRouteContext): Promise<void> {
  await Promise.all([
    queryClient.ensureQueryData(probationQuery()).catch(rethrowIfRouteError),
    queryClient.ensureInfiniteQueryData(marketingEmailsQuery()).catch(rethrowIfRouteError),
  ]);
}
