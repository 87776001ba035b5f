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

  /** True when any of the candidates is the token (each compared in constant time). */
  matchesAny(candidates: readonly string[]): boolean {
    return candidates.some((candidate) => this.matches(candidate))
  }
}
