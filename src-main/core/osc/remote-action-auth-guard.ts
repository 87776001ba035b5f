import { createHash, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../time/clock.js'
import { SenderRateLimiter } from './sender-rate-limiter.js'

export interface RemoteActionAuthGuardOptions {
  /** The configured password; undefined disables remote actions altogether. */
  readonly password: string | undefined
  readonly clock: Clock
  /** Failures are counted per sender host within windows of this length. */
  readonly windowMs?: number
  /** Failures logged one by one per window; the rest are summarized at the window's end. */
  readonly loggedFailuresPerWindow?: number
  /** After this many failures a sender is refused until its window ends, even when right. */
  readonly blockAfterFailures?: number
}

export type AuthVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly shouldLog: boolean }

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Clock time as the log shows it (UTC, like the lines' own timestamps). */
function timeOfDay(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`
}

/**
 * Checks remote-action passwords in constant time and rate-limits senders that keep failing,
 * so a guessing loop neither gets many tries nor floods the log.
 */
export class RemoteActionAuthGuard {
  private readonly expected: Buffer | undefined
  private readonly failures: SenderRateLimiter
  /** The right password from a locked-out sender: said once per window, never silently lost. */
  private readonly refusedWhileLocked: SenderRateLimiter
  private readonly blockAfter: number

  constructor(options: RemoteActionAuthGuardOptions) {
    // Comparing fixed-length digests keeps the comparison's time independent of the length
    // and content of the guess.
    this.expected = options.password === undefined ? undefined : digest(options.password)
    const windowMs = options.windowMs ?? 60_000
    this.failures = new SenderRateLimiter({
      clock: options.clock,
      what: 'rejected remote actions',
      windowMs,
      loggedPerWindow: options.loggedFailuresPerWindow ?? 3,
    })
    this.refusedWhileLocked = new SenderRateLimiter({
      clock: options.clock,
      what: 'remote actions with the right password refused during a lockout',
      windowMs,
      loggedPerWindow: 1,
    })
    this.blockAfter = options.blockAfterFailures ?? 10
  }

  check(senderHost: string, password: unknown): AuthVerdict {
    const guess = typeof password === 'string' ? digest(password) : undefined
    const right =
      this.expected !== undefined && guess !== undefined && timingSafeEqual(guess, this.expected)
    const lockout = this.failures.current(senderHost)
    if (lockout && lockout.count >= this.blockAfter) {
      if (right) {
        const notice = this.refusedWhileLocked.record(senderHost, 'right password')
        return {
          ok: false,
          reason:
            `sender locked out after ${this.blockAfter} failed passwords ` +
            `(until ${timeOfDay(lockout.windowEnd)}), although the password was right`,
          shouldLog: notice.logOneByOne,
        }
      }
      this.failures.record(senderHost, 'refused during lockout')
      return { ok: false, reason: 'too many failed attempts', shouldLog: false }
    }
    if (right) return { ok: true }
    const reason =
      this.expected === undefined
        ? 'remote actions are disabled: no password is configured'
        : guess === undefined
          ? 'missing password'
          : 'wrong password'
    const { logOneByOne } = this.failures.record(senderHost, reason)
    return { ok: false, reason, shouldLog: logOneByOne }
  }

  /**
   * One line per sender whose window ended with failures that were not logged one by one.
   * `endOpenWindows` (at shutdown) also ends the windows still running.
   */
  takeSummaries(endOpenWindows = false): string[] {
    return [
      ...this.failures.takeSummaries(endOpenWindows),
      ...this.refusedWhileLocked.takeSummaries(endOpenWindows),
    ]
  }
}
