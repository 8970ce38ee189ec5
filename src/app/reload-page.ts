/** Loads the current page anew, from the server. */
export function reloadPage(): void {
  window.location.reload();
}
