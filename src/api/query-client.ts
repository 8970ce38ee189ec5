import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** Set to false when the screen shows the failure itself (a form's alert). */
      errorToast?: boolean;
    };
  }
}

export interface QueryClientOptions {
  /** Called once per failure a user should hear about: a failed mutation, or a background
   * refetch failing while the screen still shows the older data. First loads are not
   * reported here: their screen shows an error state instead. */
  onError?: (error: unknown) => void;
  /** The session ended on the server (a request answered 401). */
  onUnauthenticated?: () => void;
  /** Tests pass false so failures show at once. */
  retry?: boolean;
}

const MAX_RETRIES = 2;

/** Retry what may be transient (network, 5xx); never a client error that would fail again. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.code === 'network' || error.status >= 500;
}

function isUnauthenticated(error: unknown): boolean {
  return isApiError(error) && error.code === 'unauthenticated';
}

export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  const { onError, onUnauthenticated, retry = true } = options;
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error)) return onUnauthenticated?.();
        if (query.state.data !== undefined) onError?.(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error)) return onUnauthenticated?.();
        if (mutation.meta?.errorToast !== false) onError?.(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: retry ? shouldRetry : false,
      },
      mutations: { retry: false },
    },
  });
}
