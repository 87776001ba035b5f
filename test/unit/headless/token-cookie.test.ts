import { describe, expect, it } from 'vitest'
import { SessionToken } from '../../../src-main/headless/session-token.js'
import { tokenCandidates, tokenCookieName } from '../../../src-main/headless/token-cookie.js'

describe('the token cookie', () => {
  const name = tokenCookieName(8080)

  it('is named per port', () => {
    expect(name).toBe('gencaster_token_8080')
    expect(tokenCookieName(8081)).not.toBe(name)
  })

  it('offers every query value and every cookie of its name, and no other cookie', () => {
    const query = new URLSearchParams('token=q1&token=q2')
    const cookies = `other=x; ${name}=c1; gencaster_token_9=c9;${name}= c2 ; ${name}`
    expect(tokenCandidates(query, cookies, name)).toEqual(['q1', 'q2', 'c1', 'c2'])
    expect(tokenCandidates(new URLSearchParams(), undefined, name)).toEqual([])
    expect(tokenCandidates(new URLSearchParams('token='), `${name}=`, name)).toEqual([])
  })

  it('lets a request in when any candidate matches, and caps how many are tried', () => {
    const token = new SessionToken()
    expect(token.matchesAny(['stale', token.value])).toBe(true)
    expect(token.matchesAny(['stale', 'older'])).toBe(false)
    const many = Array.from({ length: 100 }, () => 'x').join('&token=')
    const candidates = tokenCandidates(
      new URLSearchParams(`token=${many}&token=${token.value}`),
      undefined,
      name,
    )
    expect(candidates).toHaveLength(8)
    expect(token.matchesAny(candidates)).toBe(false)
  })
})
