import type { RemoteInfo } from 'node:dgram'

export interface DatagramBatcherOptions {
  readonly handle: (datagram: Uint8Array, sender: RemoteInfo) => void
  /** Runs a batch in one database transaction. */
  readonly inTransaction: (work: () => void) => void
  /** The most datagrams applied in one transaction before the event loop gets a turn. */
  readonly maxBatch?: number
}

/**
 * Applies the datagrams that arrive in one turn of the event loop together, in one
 * transaction: a commit per beacon costs more than the beacon itself. Messages are still
 * applied in arrival order and within the same turn; `flush()` applies what is queued at once.
 */
export class DatagramBatcher {
  private queue: { datagram: Uint8Array; sender: RemoteInfo }[] = []
  private scheduled: NodeJS.Immediate | undefined
  private readonly maxBatch: number

  constructor(private readonly options: DatagramBatcherOptions) {
    this.maxBatch = options.maxBatch ?? 1000
  }

  enqueue(datagram: Uint8Array, sender: RemoteInfo): void {
    this.queue.push({ datagram, sender })
    this.scheduled ??= setImmediate(() => this.drainOnce())
  }

  /** Applies everything queued now (on shutdown, before the database closes). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = undefined
    while (this.queue.length > 0) this.applyBatch()
  }

  private drainOnce(): void {
    this.scheduled = undefined
    this.applyBatch()
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.drainOnce())
  }

  private applyBatch(): void {
    const batch =
      this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch)
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch)
    // Handlers catch their own errors (each bad packet is one log line), so nothing thrown
    // here rolls back the good messages of the batch.
    this.options.inTransaction(() => {
      for (const { datagram, sender } of batch) this.options.handle(datagram, sender)
    })
  }
}
