const MAX_QUERY_LENGTH = 200;

/** The Contacts list's search as the URL carries it (`?q=`), so a link reproduces the view. */
export function readContactsSearch(params: URLSearchParams): string | undefined {
  return params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH) || undefined;
}
