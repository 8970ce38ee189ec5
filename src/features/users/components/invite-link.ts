/** The link a person opens to set their password. The token goes after a #: a browser never
 * sends the fragment to a server, so it stays out of server logs and Referer headers. */
export function inviteLink(token: string): string {
  const page = new URL(`${import.meta.env.BASE_URL}invite`, window.location.origin);
  return `${page.href}#${token}`;
}
