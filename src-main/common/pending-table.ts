/** One entry of a {@link PendingTable}: its id, what its owner keeps with it, its deadline. */
export interface PendingEntry<K, V> {
  readonly id: K
  readonly value: V
  /** Epoch milliseconds on the table's clock. */
  readonly deadlineMs: number
}

export interface PendingTableOptions<K, V> {
  /**
   * Receives the entries whose deadline passed, all that one check found at once; they have left
   * the table already, so nothing can settle them any more.
   */
  readonly onExpired: (expired: readonly PendingEntry<K, V>[]) => void
  /** Epoch milliseconds; injectable so that a test or a core with its own clock can move it. */
  readonly now?: () => number
  /**
   * The longest wait between two deadline checks. Without it the table wakes exactly at the
   * earliest deadline; with it, a clock that is moved by hand is also noticed within this time.
   */
  readonly maxCheckIntervalMs?: number
}

/**
 * Requests waiting for their outcome, by id, each with a deadline (janode's transaction table,
 * `src/tmanager.js`): an entry leaves the table once, by whoever takes it first (its answer, its
 * deadline, or the close that fails everything pending together), so a late answer finds nothing.
 * One timer serves the whole table and runs only while something is pending.
 *
 * Runtime-agnostic: the same table runs in the core under Node and in the renderer's tab.
 */
export class PendingTable<K, V> {
  private readonly entries = new Map<K, PendingEntry<K, V>>()
  private readonly now: () => number
  private timer: ReturnType<typeof setTimeout> | undefined
  /** When the armed timer fires (epoch ms): an entry due later needs no new timer. */
  private timerAtMs = Number.POSITIVE_INFINITY

  constructor(private readonly options: PendingTableOptions<K, V>) {
    this.now = options.now ?? (() => Date.now())
  }

  /**
   * Puts an entry in the table until `deadlineMs` (epoch ms).
   * @throws Error when the id is pending already: two requests never share an id.
   */
  add(id: K, value: V, deadlineMs: number): void {
    if (this.entries.has(id)) throw new Error(`already pending: ${String(id)}`)
    this.entries.set(id, { id, value, deadlineMs })
    if (deadlineMs < this.timerAtMs) this.arm(deadlineMs)
  }

  /** The value of a pending entry, left in the table (an answer that is not the last one). */
  get(id: K): V | undefined {
    return this.entries.get(id)?.value
  }

  /**
   * Takes an entry out to settle it. Only the first taker gets it: an entry that expired, was
   * closed or was settled already gives `undefined`, and the caller drops the late outcome.
   */
  take(id: K): V | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    this.entries.delete(id)
    if (this.entries.size === 0) this.disarm()
    return entry.value
  }

  /** Takes out every entry that matches, at once (say, all those of a peer that went away). */
  takeWhere(match: (value: V, id: K) => boolean): PendingEntry<K, V>[] {
    const taken: PendingEntry<K, V>[] = []
    for (const entry of this.entries.values()) {
      if (match(entry.value, entry.id)) taken.push(entry)
    }
    for (const entry of taken) this.entries.delete(entry.id)
    if (this.entries.size === 0) this.disarm()
    return taken
  }

  /**
   * Takes out everything pending, so that the caller fails it all together (the connection
   * dropped, the owner closes), and stops the timer. The table stays usable for new entries.
   */
  closeAll(): PendingEntry<K, V>[] {
    const taken = [...this.entries.values()]
    this.entries.clear()
    this.disarm()
    return taken
  }

  /** How many entries wait for their outcome. */
  get size(): number {
    return this.entries.size
  }

  /** Whether a deadline timer is running (tests check that none is left behind). */
  get timerRunning(): boolean {
    return this.timer !== undefined
  }

  private arm(deadlineMs: number): void {
    this.disarm()
    const now = this.now()
    const cap = this.options.maxCheckIntervalMs ?? Number.POSITIVE_INFINITY
    const delay = Math.max(0, Math.min(deadlineMs - now, cap))
    this.timerAtMs = now + delay
    this.timer = setTimeout(() => this.check(), delay)
    // Under Node a pending deadline must not keep the process alive; a browser has no unref.
    const handle: unknown = this.timer
    if (typeof handle === 'object' && handle !== null && 'unref' in handle) {
      if (typeof handle.unref === 'function') handle.unref()
    }
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    this.timerAtMs = Number.POSITIVE_INFINITY
  }

  private check(): void {
    this.timer = undefined
    this.timerAtMs = Number.POSITIVE_INFINITY
    const now = this.now()
    const expired: PendingEntry<K, V>[] = []
    let next = Number.POSITIVE_INFINITY
    for (const entry of this.entries.values()) {
      if (entry.deadlineMs <= now) expired.push(entry)
      else next = Math.min(next, entry.deadlineMs)
    }
    for (const entry of expired) this.entries.delete(entry.id)
    // Armed before the callback: entries it adds arm an earlier timer only if they need one.
    if (next !== Number.POSITIVE_INFINITY) this.arm(next)
    if (expired.length > 0) this.options.onExpired(expired)
  }
}
