/**
 * Takes the session token out of the address bar (`?token=…`), keeping the path, the other
 * parameters and the hash: on a projected screen the bar is read by the audience. The page was
 * served, so the answer set the token's cookie, which the page's requests, its socket and a
 * reload carry from now on.
 */
export function dropTokenFromAddress(): void {
  const url = new URL(location.href)
  if (!url.searchParams.has('token')) return
  url.searchParams.delete('token')
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`)
}
