export const SIGN_IN_PATH = '/sign-in';
export const HOME_PATH = '/sequences';

/** Where to send a signed-out visitor of `location`, so that signing in brings them back. */
export function signInPath(location: { pathname: string; search: string }): string {
  return `${SIGN_IN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`;
}

/**
 * The `next` parameter if it is a path on this site, else the home page. Anything that
 * could leave the site (`//evil.example`, `/\evil.example`, `https://…`) is refused.
 */
export function safeNextPath(search: URLSearchParams): string {
  const next = search.get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH;
  try {
    const base = new URL(window.location.origin);
    const url = new URL(next, base);
    if (url.origin !== base.origin || url.pathname === SIGN_IN_PATH) return HOME_PATH;
    return url.pathname + url.search + url.hash;
  } catch {
    return HOME_PATH;
  }
}
