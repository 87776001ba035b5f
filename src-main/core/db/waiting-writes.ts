import type { StorageWrite } from './storage-write.js'

interface Waiting {
  op: StorageWrite
}

/**
 * The writes that wait for the database, in order. A write with the key of one still waiting
 * takes its place (last one wins: the newest beacon of a point, the newest state of an
 * instruction), so the order of first writes holds (a point's row before its instructions).
 * Beyond `max`, the oldest droppable writes (log lines) go first, counted; the others never.
 */
export class WaitingWrites {
  private queue: Waiting[] = []
  private readonly byKey = new Map<string, Waiting>()
  private droppable = 0
  /** Log lines given up since the storage last recovered (the writer resets it then). */
  dropped = 0

  constructor(private readonly max: number) {}

  get size(): number {
    return this.queue.length
  }

  add(op: StorageWrite): void {
    op.onWaiting?.()
    if (op.key !== undefined) {
      const waiting = this.byKey.get(op.key)
      if (waiting) {
        if (waiting.op.droppable) this.droppable -= 1
        if (op.droppable) this.droppable += 1
        waiting.op = op
        return
      }
    }
    const waiting = { op }
    this.queue.push(waiting)
    if (op.key !== undefined) this.byKey.set(op.key, waiting)
    if (op.droppable) this.droppable += 1
    if (this.queue.length > this.max && this.droppable > 0) this.dropOldest()
  }

  /** The first `count` writes, still waiting. */
  first(count: number): StorageWrite[] {
    return this.queue.slice(0, count).map((waiting) => waiting.op)
  }

  /** Forgets the first `count` writes (they are committed). */
  removeFirst(count: number): void {
    for (const waiting of this.queue.splice(0, count)) {
      const { key, droppable } = waiting.op
      if (key !== undefined && this.byKey.get(key) === waiting) this.byKey.delete(key)
      if (droppable) this.droppable -= 1
    }
  }

  /** Drops the oldest log lines down to 90 % of the bound, so this runs once per many writes. */
  private dropOldest(): void {
    let excess = this.queue.length - Math.floor(this.max * 0.9)
    this.queue = this.queue.filter((waiting) => {
      if (excess <= 0 || !waiting.op.droppable) return true
      excess -= 1
      this.dropped += 1
      this.droppable -= 1
      if (waiting.op.key !== undefined) this.byKey.delete(waiting.op.key)
      return false
    })
  }
}
