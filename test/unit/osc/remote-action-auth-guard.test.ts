import { describe, expect, it } from 'vitest'
import { RemoteActionAuthGuard } from '../../../src-main/core/osc/remote-action-auth-guard.js'
import type { Clock } from '../../../src-main/core/time/clock.js'

function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000
  return { now: () => now, monotonic: () => now, advance: (ms) => (now += ms) }
}

describe('RemoteActionAuthGuard', () => {
  it('lets the right password through and names what is wrong otherwise', () => {
    const guard = new RemoteActionAuthGuard({ password: 'secret', clock: manualClock() })
    expect(guard.check('10.0.0.1', 'secret')).toEqual({ ok: true })
    expect(guard.check('10.0.0.1', 'Secret')).toMatchObject({ ok: false, reason: 'wrong password' })
    expect(guard.check('10.0.0.1', undefined)).toMatchObject({
      ok: false,
      reason: 'missing password',
    })
    expect(guard.check('10.0.0.1', 42)).toMatchObject({ ok: false, reason: 'missing password' })
  })

  it('refuses everything when no password is configured', () => {
    const guard = new RemoteActionAuthGuard({ password: undefined, clock: manualClock() })
    expect(guard.check('h', '')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no password is configured'),
    })
  })

  it('logs the first failures, then blocks and summarizes once per window', () => {
    const clock = manualClock()
    const guard = new RemoteActionAuthGuard({
      password: 'secret',
      clock,
      windowMs: 60_000,
      loggedFailuresPerWindow: 3,
      blockAfterFailures: 5,
    })
    const verdicts = Array.from({ length: 12 }, () => guard.check('attacker', 'guess'))
    expect(verdicts.filter((verdict) => !verdict.ok && verdict.shouldLog)).toHaveLength(3)
    // Blocked: even the right password is refused until the window ends.
    expect(guard.check('attacker', 'secret')).toMatchObject({
      ok: false,
      reason: 'too many failed attempts',
    })
    // Other senders are not affected.
    expect(guard.check('performer', 'secret')).toEqual({ ok: true })
    expect(guard.takeSummaries()).toEqual([])
    clock.advance(60_000)
    const summaries = guard.takeSummaries()
    expect(summaries).toHaveLength(1)
    expect(summaries[0]).toContain('10 further rejected remote actions from attacker')
    expect(summaries[0]).not.toContain('guess')
    expect(guard.check('attacker', 'secret')).toEqual({ ok: true })
  })
})
