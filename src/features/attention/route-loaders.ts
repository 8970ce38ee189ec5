import type { QueryClient } from '@tanstack/react-query';
import { attentionQuery } from './api/get-attention';
import { readAttentionSearch } from './attention-search';

export interface AttentionRouteContext {
  queryClient: QueryClient;
  request: Request;
  /** Rethrows the failures the route error boundary shows (401, 403, 404); the page shows the rest. */
  rethrowIfRouteError: (error: unknown) => void;
}

export async function loadAttention({ queryClient, request, rethrowIfRouteError }: AttentionRouteContext): Promise<null> {
  const filter = readAttentionSearch(new URL(request.url).searchParams);
  await queryClient.ensureQueryData(attentionQuery(filter)).catch(rethrowIfRouteError);
  return null;
}
