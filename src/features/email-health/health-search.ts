import { NotSentReason } from '../../contract/codes';
import { EmailKind, HealthWindow, TrendGranularity, type EmailHealthQuery } from '../../contract/email-health';

// The email health view as the URL carries it, so that a link reproduces it. Anything unknown
// or malformed falls back to the default; defaults are left out of the URL.

const DEFAULT_WINDOW: HealthWindow = '30d';
const DEFAULT_GRANULARITY: TrendGranularity = 'day';
const MAX_QUERY_LENGTH = 200;

export type HealthSearch = EmailHealthQuery;

export function readHealthSearch(params: URLSearchParams): HealthSearch {
  return {
    window: HealthWindow.safeParse(params.get('window')).data ?? DEFAULT_WINDOW,
    granularity: TrendGranularity.safeParse(params.get('granularity')).data ?? DEFAULT_GRANULARITY,
  };
}

export function writeHealthSearch(search: HealthSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.window !== DEFAULT_WINDOW) params.set('window', search.window);
  if (search.granularity !== DEFAULT_GRANULARITY) params.set('granularity', search.granularity);
  return params;
}

/** The list of emails not sent for one reason: the reason is in the path, the rest in the query. */
export interface NotSentSearch {
  window: HealthWindow;
  reason: NotSentReason;
  kind?: EmailKind | undefined;
  q?: string | undefined;
}

/** The reason named in the path, or null when it names none (the route answers 404). */
export function parseReason(value: string | undefined): NotSentReason | null {
  return NotSentReason.safeParse(value).data ?? null;
}

export function readNotSentSearch(reason: NotSentReason, params: URLSearchParams): NotSentSearch {
  return {
    window: HealthWindow.safeParse(params.get('window')).data ?? DEFAULT_WINDOW,
    reason,
    kind: EmailKind.safeParse(params.get('kind')).data,
    q: params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH) || undefined,
  };
}

export function writeNotSentSearch(search: Omit<NotSentSearch, 'reason'>): URLSearchParams {
  const params = new URLSearchParams();
  if (search.window !== DEFAULT_WINDOW) params.set('window', search.window);
  if (search.kind) params.set('kind', search.kind);
  if (search.q) params.set('q', search.q);
  return params;
}

/** Where the contacts behind one not-sent reason are listed. */
export function notSentPath(reason: NotSentReason, window: HealthWindow): string {
  const query = writeNotSentSearch({ window }).toString();
  return `/email-health/not-sent/${reason}${query ? `?${query}` : ''}`;
}

/** The health view of a window (for links back from the list). */
export function healthPath(window: HealthWindow): string {
  const query = writeHealthSearch({ window, granularity: DEFAULT_GRANULARITY }).toString();
  return `/email-health${query ? `?${query}` : ''}`;
}
