import { http, HttpResponse, delay, type HttpHandler } from 'msw';
import { allEndpoints } from '../contract/api';
import { DEMO_SESSION_HEADER } from '../contract/auth';
import type { ErrorBody } from '../contract/errors';
import type { createApp } from '../../server/app';

type App = ReturnType<typeof createApp>;

/** Where the bridge keeps the demo session token (browsers drop Set-Cookie from responses
 * built in JavaScript, so the server hands the token over in a header instead). */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export const memoryTokenStore = (): TokenStore => {
  let token: string | null = null;
  return { get: () => token, set: (t) => void (token = t) };
};

interface Fault {
  method: string;
  pattern: RegExp;
  status?: number;
  delayMs?: number;
  network?: boolean;
}

/** Scenario helpers for tests: make one endpoint fail or slow down by its operation id. */
export interface Faults {
  failEndpoint(operationId: string, status?: number): void;
  failNetwork(operationId: string): void;
  delayEndpoint(operationId: string, ms: number): void;
  reset(): void;
}

/** Requests the bridge is still answering, so a test can let them finish before closing the db. */
export interface InFlight {
  settle(): Promise<void>;
}

function endpointMatcher(operationId: string): { method: string; pattern: RegExp } {
  const e = allEndpoints.find((x) => x.operationId === operationId);
  if (!e) throw new Error(`Unknown operationId "${operationId}"`);
  const pattern = new RegExp(`^${e.path.replace(/:\w+/g, '[^/]+')}$`);
  return { method: e.method.toUpperCase(), pattern };
}

/**
 * MSW handler that hands every `*\/api/*` request to the real API app, carrying the demo
 * session in a header, plus fault injection for tests.
 */
export function createBridge(
  app: App,
  tokens: TokenStore,
  options: {
    /** Waited for after each request that may change data, before its response is handed
     * back (demo mode: store the database, so a reload right after keeps the change). */
    afterWrite?: () => Promise<void>;
  } = {},
): { handler: HttpHandler; faults: Faults; inFlight: InFlight } {
  const active: Fault[] = [];
  const pending = new Set<Promise<unknown>>();
  const inFlight: InFlight = {
    settle: async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
  const faults: Faults = {
    failEndpoint: (id, status = 500) => void active.push({ ...endpointMatcher(id), status }),
    failNetwork: (id) => void active.push({ ...endpointMatcher(id), network: true }),
    delayEndpoint: (id, ms) => void active.push({ ...endpointMatcher(id), delayMs: ms }),
    reset: () => void active.splice(0),
  };

  const handler = http.all('*/api/*', async ({ request }) => {
    const path = new URL(request.url).pathname;
    // '*/api/*' also matches dev-server modules such as /src/features/auth/api/sign-in.ts:
    // returning nothing lets those pass through untouched.
    if (!path.startsWith('/api/')) return undefined;
    for (const f of active) {
      if (f.method !== request.method || !f.pattern.test(path)) continue;
      if (f.delayMs) await delay(f.delayMs);
      if (f.network) return HttpResponse.error();
      if (f.status) {
        const body: ErrorBody = {
          error: { code: f.status >= 500 ? 'internal' : 'bad_request', message: 'Injected fault', requestId: 'fault' },
        };
        return HttpResponse.json(body, { status: f.status });
      }
    }
    const token = tokens.get();
    const forwarded = token ? withHeader(request, DEMO_SESSION_HEADER, token) : request;
    const answering = Promise.resolve(app.fetch(forwarded)).then(async (response) => {
      if (options.afterWrite && request.method !== 'GET' && request.method !== 'HEAD') await options.afterWrite();
      return response;
    });
    pending.add(answering);
    const response = await answering.finally(() => pending.delete(answering));
    const handedOver = response.headers.get(DEMO_SESSION_HEADER);
    if (handedOver !== null) tokens.set(handedOver || null);
    return response;
  });
  return { handler, faults, inFlight };
}

function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
}
