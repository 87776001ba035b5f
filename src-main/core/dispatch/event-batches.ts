import type { EventBatchFrame, EventFrame, EventName } from '../../contract/index.js'

/** Runs `task` on a later turn of the event loop; the returned function cancels it. */
export type TurnScheduler = (task: () => void) => () => void

/** Node's next turn: after the I/O that is already waiting, so a whole burst lands in one batch. */
export const nextTurn: TurnScheduler = (task) => {
  const handle = setImmediate(task)
  return () => clearImmediate(handle)
}

/** Where the wire events come from: the contract dispatcher. */
export interface WireEventSource {
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void
}

export interface EventBatchOptions {
  readonly source: WireEventSource
  /** Gets each batch: the events of one turn, in the order they came; never an empty one. */
  readonly send: (batch: EventBatchFrame) => void
  readonly schedule?: TurnScheduler
}

/** One transport's batching; see `batchEventsPerTurn`. */
export interface EventBatches {
  /**
   * Sends what is waiting now. A transport calls it before each answer, so the page sees the
   * events that came before an answer before the answer itself.
   */
  flush(): void
  /** Unsubscribes and drops what is waiting: nothing is sent after it. */
  close(): void
}

/**
 * Under a stage's load the core emits hundreds of events a second; each transport sends each
 * turn's events as one message (a WebSocket frame, an IPC message), not hundreds. Both
 * transports batch through this, so their pages see the same order.
 */
export function batchEventsPerTurn({
  source,
  send,
  schedule = nextTurn,
}: EventBatchOptions): EventBatches {
  let waiting: EventFrame[] = []
  let cancel: (() => void) | undefined
  let closed = false
  const flush = () => {
    cancel?.()
    cancel = undefined
    if (closed || waiting.length === 0) return
    const events = waiting
    waiting = []
    send({ events })
  }
  const unsubscribe = source.subscribe((event, payload) => {
    waiting.push({ event, payload })
    cancel ??= schedule(flush)
  })
  return {
    flush,
    close() {
      if (closed) return
      closed = true
      unsubscribe()
      cancel?.()
      cancel = undefined
      waiting = []
    },
  }
}
