import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** A browser-mode session token: random, compared in constant time. */
export class SessionToken {
  readonly value: string
  private readonly digest: Buffer

  constructor(value: string = randomBytes(24).toString('base64url')) {
    this.value = value
    this.digest = createHash('sha256').update(value).digest()
  }

  matches(candidate: string | undefined | null): boolean {
    if (!candidate) return false
    return timingSafeEqual(createHash('sha256').update(candidate).digest(), this.digest)
  }
}

/** The token a request carries: `?token=` or the cookie set when the link was first opened. */
export function tokenFromRequest(url: URL, cookieHeader: string | undefined): string | undefined {
  const fromQuery = url.searchParams.get('token')
  if (fromQuery) return fromQuery
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === tokenCookieName) return rest.join('=')
  }
  return undefined
}

export const tokenCookieName = 'gencaster_token'
