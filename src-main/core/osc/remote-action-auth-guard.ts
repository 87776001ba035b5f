import { createHash, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../time/clock.js'

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

interface SenderRecord {
  windowStart: number
  failures: number
  suppressed: number
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/**
 * Checks remote-action passwords in constant time and rate-limits senders that keep failing,
 * so a guessing loop neither gets many tries nor floods the log.
 */
export class RemoteActionAuthGuard {
  private readonly expected: Buffer | undefined
  private readonly senders = new Map<string, SenderRecord>()
  private readonly endedSummaries: string[] = []
  private readonly windowMs: number
  private readonly loggedPerWindow: number
  private readonly blockAfter: number

  constructor(private readonly options: RemoteActionAuthGuardOptions) {
    // Comparing fixed-length digests keeps the comparison's time independent of the length
    // and content of the guess.
    this.expected = options.password === undefined ? undefined : digest(options.password)
    this.windowMs = options.windowMs ?? 60_000
    this.loggedPerWindow = options.loggedFailuresPerWindow ?? 3
    this.blockAfter = options.blockAfterFailures ?? 10
  }

  check(senderHost: string, password: unknown): AuthVerdict {
    const record = this.recordFor(senderHost)
    if (record.failures >= this.blockAfter) {
      record.suppressed += 1
      return { ok: false, reason: 'too many failed attempts', shouldLog: false }
    }
    const guess = typeof password === 'string' ? digest(password) : undefined
    if (
      this.expected !== undefined &&
      guess !== undefined &&
      timingSafeEqual(guess, this.expected)
    ) {
      return { ok: true }
    }
    record.failures += 1
    const shouldLog = record.failures <= this.loggedPerWindow
    if (!shouldLog) record.suppressed += 1
    const reason =
      this.expected === undefined
        ? 'remote actions are disabled: no password is configured'
        : guess === undefined
          ? 'missing password'
          : 'wrong password'
    return { ok: false, reason, shouldLog }
  }

  /**
   * One line per sender whose window ended with failures that were not logged one by one.
   * `endOpenWindows` (at shutdown) also ends the windows still running.
   */
  takeSummaries(endOpenWindows = false): string[] {
    const now = this.options.clock.now()
    for (const [host, record] of this.senders) {
      if (endOpenWindows || now - record.windowStart >= this.windowMs) this.endWindow(host, record)
    }
    return this.endedSummaries.splice(0)
  }

  private recordFor(host: string): SenderRecord {
    const now = this.options.clock.now()
    const existing = this.senders.get(host)
    if (existing && now - existing.windowStart < this.windowMs) return existing
    if (existing) this.endWindow(host, existing)
    const fresh = { windowStart: now, failures: 0, suppressed: 0 }
    this.senders.set(host, fresh)
    return fresh
  }

  private endWindow(host: string, record: SenderRecord): void {
    this.senders.delete(host)
    if (record.suppressed === 0) return
    this.endedSummaries.push(
      `${record.suppressed} further rejected remote actions from ${host} were not logged one by one ` +
        `(${record.failures} failed passwords within ${Math.round(this.windowMs / 1000)} s; ` +
        `blocked after ${this.blockAfter})`,
    )
  }
}
