import type { Clock } from '../time/clock.js'

export interface SenderRateLimiterOptions {
  readonly clock: Clock
  /** What is counted, plural, for the summary ("rejected packets"). */
  readonly what: string
  /** Events are counted per sender host within windows of this length. */
  readonly windowMs?: number
  /** Events logged one by one per sender and window; the rest are summarised at its end. */
  readonly loggedPerWindow?: number
  /**
   * Senders tracked one by one. Beyond that (many spoofed source addresses) new senders share
   * one record, so memory stays bounded whatever the sender addresses are.
   */
  readonly maxSenders?: number
  /** What happened to the events past the budget, for the summary ("not logged one by one"). */
  readonly outcome?: string
  /** Whether the summary counts the events by kind (pointless when there is one kind). */
  readonly listKinds?: boolean
}

/** What `record` says about one event. */
export interface RateVerdict {
  /** Log this event on its own line; otherwise it is counted for the window's summary. */
  readonly logOneByOne: boolean
  /** Events from this sender in its current window, this one included. */
  readonly countInWindow: number
  /** When the sender's current window ends (clock time). */
  readonly windowEnd: number
}

interface SenderWindow {
  readonly start: number
  count: number
  /** How the summary names the sender besides its key (an instance name), when known. */
  label: string | undefined
  /** Events not logged one by one, by kind. */
  readonly suppressed: Map<string, number>
}

/** The record shared by senders beyond `maxSenders`. */
export const otherSenders = 'other senders (too many to track one by one)'

const numberFormat = new Intl.NumberFormat('en-US')

/**
 * Counts events (rejected packets, failed passwords) per sender host in fixed windows: the
 * first few of a window are for logging one by one, the rest only counted, and each window
 * that dropped some ends in one summary line. A flood thus writes a bounded number of lines
 * per sender and window instead of one per packet.
 */
export class SenderRateLimiter {
  // A Map keeps insertion order, and a sender is re-inserted when its window starts again, so
  // the oldest windows are always at the front: expiring them never scans live ones.
  private readonly senders = new Map<string, SenderWindow>()
  private readonly endedSummaries: string[] = []
  private readonly windowMs: number
  private readonly loggedPerWindow: number
  private readonly maxSenders: number

  constructor(private readonly options: SenderRateLimiterOptions) {
    this.windowMs = options.windowMs ?? 60_000
    this.loggedPerWindow = options.loggedPerWindow ?? 10
    this.maxSenders = options.maxSenders ?? 1024
  }

  /**
   * Counts one event of `kind` (a short fixed label, never outside data) from `host`. `label`
   * (bounded by the caller) names the sender in the summary beside `host`; the first one of a
   * window is kept.
   */
  record(host: string, kind: string, label?: string): RateVerdict {
    const window = this.windowFor(host)
    window.count += 1
    // The shared record of untracked senders is nobody's, so it takes no one's name.
    if (window.label === undefined && this.senders.get(host) === window) window.label = label
    const logOneByOne = window.count <= this.loggedPerWindow
    if (!logOneByOne) window.suppressed.set(kind, (window.suppressed.get(kind) ?? 0) + 1)
    return { logOneByOne, countInWindow: window.count, windowEnd: window.start + this.windowMs }
  }

  /**
   * The sender's own current window, without counting anything; undefined when it has none.
   * Never the shared record of untracked senders: that one is everybody's, and a flood from
   * forged addresses must not lock out a sender that never failed (the performer's client).
   */
  current(host: string): { readonly count: number; readonly windowEnd: number } | undefined {
    const window = this.senders.get(host)
    if (!window || !this.isOpen(window)) return undefined
    return { count: window.count, windowEnd: window.start + this.windowMs }
  }

  /**
   * One line per sender whose window ended with events that were not logged one by one.
   * `endOpenWindows` (at shutdown) also ends the windows still running.
   */
  takeSummaries(endOpenWindows = false): string[] {
    for (const [host, window] of this.senders) {
      if (endOpenWindows || !this.isOpen(window)) this.endWindow(host, window)
    }
    return this.endedSummaries.splice(0)
  }

  /** Senders tracked now (for tests of the bound). */
  get trackedSenders(): number {
    return this.senders.size
  }

  private windowFor(host: string): SenderWindow {
    const key = this.keyFor(host)
    const existing = this.senders.get(key)
    if (existing && this.isOpen(existing)) return existing
    if (existing) this.endWindow(key, existing)
    const fresh: SenderWindow = {
      start: this.options.clock.now(),
      count: 0,
      label: undefined,
      suppressed: new Map(),
    }
    this.senders.set(key, fresh)
    return fresh
  }

  private keyFor(host: string): string {
    if (this.senders.has(host)) return host
    this.expireEnded()
    // One place is kept for the shared record, so the map never holds more than maxSenders.
    return this.senders.size < this.maxSenders - 1 ? host : otherSenders
  }

  private expireEnded(): void {
    for (const [host, window] of this.senders) {
      if (this.isOpen(window)) return
      this.endWindow(host, window)
    }
  }

  private isOpen(window: SenderWindow): boolean {
    return this.options.clock.now() - window.start < this.windowMs
  }

  private endWindow(host: string, window: SenderWindow): void {
    this.senders.delete(host)
    const dropped = [...window.suppressed.values()].reduce((sum, n) => sum + n, 0)
    if (dropped === 0) return
    const byKind = [...window.suppressed]
      .sort(([, a], [, b]) => b - a)
      .map(([kind, n]) => `${numberFormat.format(n)} ${kind}`)
      .join(', ')
    const sender = window.label === undefined ? host : `${window.label} (${host})`
    const outcome = this.options.outcome ?? 'not logged one by one'
    const kinds = this.options.listKinds === false ? '' : `: ${byKind}`
    this.endedSummaries.push(
      `${numberFormat.format(dropped)} further ${this.options.what} from ${sender} ${outcome} ` +
        `in ${Math.round(this.windowMs / 1000)} s${kinds}`,
    )
  }
}
