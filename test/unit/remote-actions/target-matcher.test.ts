import { describe, expect, it } from 'vitest'
import {
  matchesTarget,
  selectTargets,
} from '../../../src-main/core/remote-actions/target-matcher.js'
import { makeStreamPoint } from '../../support/stream-point-fixture.js'

const point = makeStreamPoint

describe('target matching', () => {
  const a = point({ uuid: 'u-a', janusOutRoom: 12, scName: 'alpha' })
  const b = point({ uuid: 'u-b', janusOutRoom: 13, scName: 'beta' })
  const bare = point({ uuid: 'u-c' })

  it('matches janus_out_room as the original did, and sc_name and uuid', () => {
    expect(matchesTarget(a, '12')).toBe(true)
    expect(matchesTarget(a, 'alpha')).toBe(true)
    expect(matchesTarget(a, 'u-a')).toBe(true)
    expect(matchesTarget(a, '13')).toBe(false)
    expect(matchesTarget(bare, 'null')).toBe(false)
  })

  it('selects every point without a target', () => {
    expect(selectTargets([a, b, bare])).toHaveLength(3)
    expect(selectTargets([a, b, bare], '')).toHaveLength(3)
    expect(selectTargets([a, b, bare], 'beta')).toEqual([b])
  })
})
