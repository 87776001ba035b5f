import { describe, expect, it } from 'vitest'
import { byName, pointMatches } from '../../../../src-renderer/state/point-order'
import { makeStreamPoint } from '../../../support/stream-point-fixture'

describe('point order', () => {
  const alpha = makeStreamPoint({ uuid: 'a', scName: 'Alpha', host: '10.0.0.5', port: 57120 })
  const beta1 = makeStreamPoint({ uuid: 'b1', scName: 'beta', port: 57122 })
  const beta0 = makeStreamPoint({ uuid: 'b0', scName: 'beta', port: 57121 })

  it('matches a filter on name or host:port, ignoring case; an empty one matches all', () => {
    expect(pointMatches(alpha, 'ALP')).toBe(true)
    expect(pointMatches(alpha, '10.0.0.5:5712')).toBe(true)
    expect(pointMatches(alpha, 'beta')).toBe(false)
    expect(pointMatches(beta0, '')).toBe(true)
  })

  it('lists by name, then port', () => {
    expect([beta1, alpha, beta0].sort(byName).map((point) => point.uuid)).toEqual(['a', 'b0', 'b1'])
  })
})
