/**
 * The CSRF token of the current session. The session endpoints hand it over; the HTTP client
 * echoes it on every state-changing request. Kept in memory only, never in storage.
 */
let token: string | null = null;

export function rememberCsrfToken(value: string | null): void {
  token = value;
}

export function csrfToken(): string | null {
  return token;
}
