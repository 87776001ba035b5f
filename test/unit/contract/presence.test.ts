import { describe, expect, it } from 'vitest'
import { isOnline, presenceOf } from '../../../src-main/contract/index.js'

const now = Date.parse('2026-12-01T12:00:00.000Z')
const beaconAgo = (ms: number) => ({ lastLive: new Date(now - ms).toISOString() })

describe('the presence rule (one for the core and the page)', () => {
  it('counts a beacon exactly the window old as online, one millisecond older as offline', () => {
    expect(isOnline(beaconAgo(30_000), now, 30_000)).toBe(true)
    expect(presenceOf(beaconAgo(30_000), now, 30_000)).toBe('stale')
    expect(isOnline(beaconAgo(30_001), now, 30_000)).toBe(false)
    expect(presenceOf(beaconAgo(30_001), now, 30_000)).toBe('offline')
  })

  it('calls a point stale after missed beacons, and offline without any', () => {
    expect(presenceOf(beaconAgo(1_000), now, 60_000)).toBe('online')
    expect(presenceOf(beaconAgo(15_000), now, 60_000)).toBe('stale')
    // A short window turns stale at its half.
    expect(presenceOf(beaconAgo(5_000), now, 10_000)).toBe('stale')
    expect(presenceOf({ lastLive: null }, now, 60_000)).toBe('offline')
  })
})
