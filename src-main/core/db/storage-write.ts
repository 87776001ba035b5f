/** One write through the StorageWriter: its statements, and what to tell when it lands or waits. */
export interface StorageWrite {
  /** Runs the statements (inside a transaction the writer opens). */
  readonly apply: () => void
  /** Waiting writes with the same key replace each other: the last one wins (beacons). */
  readonly key?: string
  /** Given up first, and counted, when too many writes wait (log lines). */
  readonly droppable?: boolean
  /** Called when the write starts to wait (not applied, or its transaction rolled back). */
  readonly onWaiting?: () => void
  /** Called once the write is committed. */
  readonly onWritten?: () => void
  /** Called when the write was applied but its transaction rolled back (it waits again). */
  readonly onRolledBack?: () => void
}
