import { healthyStorage, type StorageHealth } from '../../contract/index.js'
import type { Database } from 'better-sqlite3'
import { describeStorageError, isLockError, isStorageError } from './storage-errors.js'
import { WaitingWrites } from './waiting-writes.js'
import type { StorageWrite } from './storage-write.js'

/** One write, with every value bound: it can run now, or later after a rollback. */
/** A write that needs its result now (a document save) could not reach the database. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError'
}

export interface StorageWriterOptions {
  readonly db: Database
  /** Called when the health changes: a transition, or a retry with a new count waiting. */
  readonly onHealthChanged?: (health: StorageHealth) => void
  /** A waiting write failed for a reason of its own (not the storage) and was given up. */
  readonly onWriteFailed?: (error: unknown) => void
  readonly now?: () => number
  readonly retryIntervalMs?: number
  /** Above this many waiting writes the oldest log lines are dropped. */
  readonly maxWaiting?: number
  /** The most waiting writes committed in one transaction before the event loop gets a turn. */
  readonly chunkSize?: number
  /**
   * Set when the core runs on a database in memory because the file could not be opened: the
   * writes work, but the health stays degraded with this reason (nothing is saved).
   */
  readonly unsaved?: string | undefined
}

/**
 * Every database write of the core goes through here. A write that fails because of the storage
 * (disk full, I/O error, another program holding the lock) never throws into the domain: the
 * transaction is rolled back, its writes wait in memory in order (a bound drops log lines
 * first, never answers or instructions), the health turns "degraded" with the reason, and the
 * writes are retried until one commits again. The domain keeps its state in memory meanwhile.
 */
export class StorageWriter {
  private readonly waiting: WaitingWrites
  private batchOps: StorageWrite[] | undefined
  /** How many of `batchOps` ran before a failure (none runs after one). */
  private batchApplied = 0
  private batchFailure: unknown
  private failure: { reason: string; since: number } | undefined
  private retryTimer: NodeJS.Timeout | undefined
  private reported: StorageHealth = healthyStorage
  private closed = false
  private readonly now: () => number
  private readonly retryIntervalMs: number
  private readonly chunkSize: number
  private unsavedSince = 0
  /** Made once: better-sqlite3 builds a wrapper per `transaction()` call. */
  private readonly inBatchTransaction: (work: () => void) => void

  constructor(private readonly options: StorageWriterOptions) {
    this.now = options.now ?? Date.now
    this.retryIntervalMs = options.retryIntervalMs ?? 1000
    this.waiting = new WaitingWrites(options.maxWaiting ?? 200_000)
    this.chunkSize = options.chunkSize ?? 5000
    this.inBatchTransaction = options.db.transaction((work: () => void) => {
      work()
      if (this.batchFailure !== undefined) throw this.batchFailure
    })
    if (options.unsaved !== undefined) this.unsavedSince = this.now()
  }

  get health(): StorageHealth {
    if (!this.failure && this.options.unsaved !== undefined) {
      return {
        state: 'degraded',
        reason: this.options.unsaved,
        since: new Date(this.unsavedSince).toISOString(),
        waiting: 0,
        dropped: 0,
      }
    }
    if (!this.failure) return healthyStorage
    return {
      state: 'degraded',
      reason: this.failure.reason,
      since: new Date(this.failure.since).toISOString(),
      waiting: this.waiting.size,
      dropped: this.waiting.dropped,
    }
  }

  /** Writes now (in the open batch, or in its own transaction), or keeps it for later. */
  write(op: StorageWrite): void {
    if (this.failure) return this.waiting.add(op)
    if (this.batchOps) {
      if (this.batchFailure === undefined) {
        try {
          op.apply()
          this.batchApplied += 1
        } catch (error) {
          if (!isStorageError(error)) throw error
          this.batchFailure = error
        }
      }
      // Not applied: reads in the rest of the batch must see it from memory.
      if (this.batchFailure !== undefined) op.onWaiting?.()
      this.batchOps.push(op)
      return
    }
    try {
      // Alone, in SQLite's own transaction per statement (a wrapper per call measured slower).
      op.apply()
    } catch (error) {
      if (!isStorageError(error)) throw error
      this.waiting.add(op)
      this.degrade(error)
      return
    }
    op.onWritten?.()
  }

  /**
   * Runs `work` with its writes in one transaction (a commit per beacon costs more than the
   * beacon). If the storage fails, the whole batch waits and is written later, in order.
   */
  batch(work: () => void): void {
    if (this.failure || this.batchOps) return work()
    const ops: StorageWrite[] = []
    this.batchOps = ops
    this.batchApplied = 0
    this.batchFailure = undefined
    try {
      this.inBatchTransaction(work)
    } catch (error) {
      // Rolled back either way: what was applied must not count as written (a rowid of an
      // insert that is gone would later update another row).
      for (const op of ops.slice(0, this.batchApplied)) op.onRolledBack?.()
      if (!isStorageError(error)) throw error
      for (const op of ops) this.waiting.add(op)
      this.degrade(error)
      return
    } finally {
      this.batchOps = undefined
      this.batchFailure = undefined
    }
    for (const op of ops) op.onWritten?.()
  }

  /**
   * For a write whose caller needs the result now (a document save, a stream claim): runs it in
   * a transaction, or throws StorageUnavailableError saying why (the storage turns degraded).
   */
  run<T>(work: () => T): T {
    this.writeWaitingFirst()
    try {
      return this.options.db.transaction(work)()
    } catch (error) {
      if (!isStorageError(error)) throw error
      const reason = describeStorageError(error)
      // A lock held elsewhere holds every write: the storage is degraded until one commits. A
      // full disk may refuse one large write while small ones still fit, and the next small
      // commit would then report a recovery that did not happen: that write alone fails, and
      // its caller (the page) says so.
      if (this.failure) this.failure.reason = reason
      else if (isLockError(error)) this.degrade(error)
      throw new StorageUnavailableError(`not saved: ${reason}`)
    }
  }

  /**
   * Writes that wait come first: a write run now may build on them (a stream on a point whose
   * first beacon is not in the table yet would fail on its foreign key).
   * @throws StorageUnavailableError while they cannot be written.
   */
  private writeWaitingFirst(): void {
    if (!this.failure) return
    this.retryOnce()
    if (!this.failure && this.waiting.size === 0) return
    throw new StorageUnavailableError(
      `not saved: ${this.failure?.reason ?? 'earlier writes still wait for the database'}`,
    )
  }

  /** On shutdown: tries once more to write what waits; returns how many writes are lost. */
  close(): number {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = undefined
    while (this.failure && this.retryOnce());
    return this.waiting.size
  }

  private degrade(error: unknown): void {
    const reason = describeStorageError(error)
    if (this.failure) this.failure.reason = reason
    else this.failure = { reason, since: this.now() }
    this.scheduleRetry(this.retryIntervalMs)
    this.report()
  }

  private scheduleRetry(delayMs: number): void {
    if (this.closed || this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined
      if (this.retryOnce()) this.scheduleRetry(0)
    }, delayMs)
    this.retryTimer.unref()
  }

  /** Commits the next chunk of waiting writes; true when more wait and the storage works. */
  private retryOnce(): boolean {
    const chunk = this.waiting.first(this.chunkSize)
    let applied = 0
    try {
      this.options.db.transaction(() => {
        for (const op of chunk) {
          this.applyWaiting(op)
          applied += 1
        }
      })()
    } catch (error) {
      if (!isStorageError(error)) throw error
      for (const op of chunk.slice(0, applied)) op.onRolledBack?.()
      this.degrade(error)
      return false
    }
    this.waiting.removeFirst(chunk.length)
    for (const op of chunk) op.onWritten?.()
    if (this.waiting.size > 0) return true
    this.failure = undefined
    this.report()
    this.waiting.dropped = 0
    return false
  }

  private applyWaiting(op: StorageWrite): void {
    try {
      op.apply()
    } catch (error) {
      if (isStorageError(error)) throw error
      // Not the storage's fault (a constraint): retrying cannot help, and it must not hold
      // back every write behind it.
      this.options.onWriteFailed?.(error)
    }
  }

  private report(): void {
    const health = this.health
    const last = this.reported
    if (
      health.state === last.state &&
      health.reason === last.reason &&
      health.waiting === last.waiting &&
      health.dropped === last.dropped
    )
      return
    // The recovery report carries what was dropped while degraded.
    this.reported = health.state === 'ok' ? { ...health, dropped: this.waiting.dropped } : health
    this.options.onHealthChanged?.(this.reported)
  }
}
