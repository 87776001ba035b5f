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
    // Blocked: even the right password is refused until the window ends, and that is said
    // once (never the password itself), not dropped without a word.
    const refused = guard.check('attacker', 'secret')
    expect(refused).toEqual({
      ok: false,
      reason:
        'sender locked out after 5 failed passwords (until 00:17:40 UTC), although the password was right',
      shouldLog: true,
    })
    expect(guard.check('attacker', 'secret')).toMatchObject({ ok: false, shouldLog: false })
    // Other senders are not affected.
    expect(guard.check('performer', 'secret')).toEqual({ ok: true })
    expect(guard.takeSummaries()).toEqual([])
    clock.advance(60_000)
    const summaries = guard.takeSummaries()
    expect(summaries).toEqual([
      '9 further rejected remote actions from attacker not logged one by one in 60 s: 7 refused during lockout, 2 wrong password',
      '1 further remote actions with the right password refused during a lockout from attacker not logged one by one in 60 s: 1 right password',
    ])
    expect(summaries.join()).not.toContain('guess')
    expect(summaries.join()).not.toContain('secret')
    expect(guard.check('attacker', 'secret')).toEqual({ ok: true })
  })

  it('never locks out a sender that did not fail, however many forged senders do', () => {
    const guard = new RemoteActionAuthGuard({ password: 'secret', clock: manualClock() })
    // More failing senders than the guard tracks one by one: the rest share one record.
    for (let host = 0; host < 1100; host++) {
      for (let attempt = 0; attempt < 11; attempt++)
        guard.check(`10.1.${host >> 8}.${host & 255}`, 'x')
    }
    expect(guard.check('192.168.1.10', 'secret')).toEqual({ ok: true })
  })
})
