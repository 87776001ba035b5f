import { describe, expect, it } from 'vitest'
import { otherSenders, SenderRateLimiter } from '../../../src-main/core/osc/sender-rate-limiter.js'
import type { Clock } from '../../../src-main/core/time/clock.js'

function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000
  return { now: () => now, monotonic: () => now, advance: (ms) => (now += ms) }
}

describe('SenderRateLimiter', () => {
  it('logs the first events of a window one by one and summarises the rest by kind', () => {
    const clock = manualClock()
    const limiter = new SenderRateLimiter({
      clock,
      what: 'rejected OSC messages',
      windowMs: 60_000,
      loggedPerWindow: 10,
    })
    const verdicts = [
      ...Array.from({ length: 4_910 }, () => limiter.record('10.0.0.7', 'unknown route')),
      ...Array.from({ length: 12 }, () => limiter.record('10.0.0.7', 'undecodable')),
    ]
    expect(verdicts.filter((verdict) => verdict.logOneByOne)).toHaveLength(10)
    expect(verdicts.at(-1)).toMatchObject({ countInWindow: 4_922, windowEnd: 1_060_000 })
    // Another sender has its own window.
    expect(limiter.record('10.0.0.8', 'unknown route').logOneByOne).toBe(true)
    expect(limiter.takeSummaries()).toEqual([])
    clock.advance(60_000)
    expect(limiter.takeSummaries()).toEqual([
      '4,912 further rejected OSC messages from 10.0.0.7 not logged one by one in 60 s: 4,900 unknown route, 12 undecodable',
    ])
    // A new window starts afresh.
    expect(limiter.record('10.0.0.7', 'unknown route')).toMatchObject({
      logOneByOne: true,
      countInWindow: 1,
    })
  })

  it('names the sender by its first label and says what happened to the rest', () => {
    const clock = manualClock()
    const limiter = new SenderRateLimiter({
      clock,
      what: 'console lines',
      windowMs: 10_000,
      loggedPerWindow: 200,
      outcome: 'not stored',
      listKinds: false,
    })
    const kept = Array.from({ length: 1_000 }, (_, n) =>
      limiter.record('127.0.0.1:57121', 'console lines', n === 0 ? 'sc-3' : 'other name'),
    ).filter((verdict) => verdict.logOneByOne)
    expect(kept).toHaveLength(200)
    clock.advance(10_000)
    expect(limiter.takeSummaries()).toEqual([
      '800 further console lines from sc-3 (127.0.0.1:57121) not stored in 10 s',
    ])
  })

  it('ends open windows at shutdown', () => {
    const limiter = new SenderRateLimiter({ clock: manualClock(), what: 'x', loggedPerWindow: 1 })
    limiter.record('h', 'k')
    limiter.record('h', 'k')
    expect(limiter.takeSummaries()).toEqual([])
    expect(limiter.takeSummaries(true)).toEqual([
      '1 further x from h not logged one by one in 60 s: 1 k',
    ])
    expect(limiter.current('h')).toBeUndefined()
  })

  it('tracks a bounded number of senders: the rest share one record', () => {
    const clock = manualClock()
    const limiter = new SenderRateLimiter({
      clock,
      what: 'rejected OSC messages',
      loggedPerWindow: 2,
      maxSenders: 100,
    })
    // 10,000 spoofed source addresses, three messages each.
    let logged = 0
    for (let n = 0; n < 10_000; n += 1) {
      for (let k = 0; k < 3; k += 1) {
        if (limiter.record(`10.${n >> 8}.${n & 255}.1`, 'unknown route').logOneByOne) logged += 1
      }
    }
    expect(limiter.trackedSenders).toBeLessThanOrEqual(100)
    // 99 senders got 2 lines each; all the others together 2.
    expect(logged).toBe(99 * 2 + 2)
    // The shared record counts them, but locks out nobody: an untracked sender has no window.
    expect(limiter.current(otherSenders)?.count).toBe((10_000 - 99) * 3)
    expect(limiter.current('10.200.200.1')).toBeUndefined()
    clock.advance(60_000)
    const summaries = limiter.takeSummaries()
    expect(summaries).toHaveLength(100)
    expect(summaries.at(-1)).toContain(`29,701 further rejected OSC messages from ${otherSenders}`)
    // Ended windows make room again.
    limiter.record('192.168.1.5', 'unknown route')
    expect(limiter.trackedSenders).toBe(1)
  })
})
