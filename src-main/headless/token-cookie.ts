/**
 * The cookie that carries the session token after the link was opened once. Browsers keep
 * cookies per host, not per port: a second core on another port must not overwrite the first
 * one's cookie, so the name carries the port.
 */
export function tokenCookieName(port: number): string {
  return `gencaster_token_${port}`
}

/**
 * The `Set-Cookie` value that hands the page its token. It lasts a year: the page takes the
 * token out of its address bar (screens are projected), so a bookmark has none, and a browser
 * that opened the link once gets back in after it restarts.
 */
export function tokenCookie(name: string, token: string): string {
  return `${name}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=31536000`
}

/** More than any browser sends; a request with hundreds of candidates gets no more checks. */
const maxCandidates = 8

/**
 * Every token a request offers: each `?token=` value and each cookie of that name. The request
 * is let in when any of them matches, so a stale link's wrong `?token=` or a duplicate cookie
 * never hides a right cookie.
 */
export function tokenCandidates(
  query: URLSearchParams,
  cookieHeader: string | undefined,
  cookieName: string,
): string[] {
  const candidates = query.getAll('token')
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator === -1 || part.slice(0, separator).trim() !== cookieName) continue
    candidates.push(part.slice(separator + 1).trim())
  }
  return candidates.filter((candidate) => candidate !== '').slice(0, maxCandidates)
}
