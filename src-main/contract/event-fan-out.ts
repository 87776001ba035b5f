import type { EventBatchFrame, EventName, EventPayloads } from './index.js'

/** The page's side of the event batches: listeners per event, fed one batch at a time. */
export interface EventFanOut {
  /** Calls `listener` with each `event` of every batch; the returned function unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
  /** Hands each event of `batch`, in order, to its listeners. */
  deliver(batch: EventBatchFrame): void
}

/**
 * Unpacks event batches for the preload. One fan-out takes each batch, not one IPC listener per
 * event name, so a batch's events reach the page in the order the core emitted them, across
 * names too. Self-contained (it uses nothing but Map and Set) because the test's stand-in for
 * the preload runs this very function inside the page.
 */
export function createEventFanOut(): EventFanOut {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  return {
    on(event, listener) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
    deliver(batch) {
      for (const { event, payload } of batch.events)
        for (const listener of listeners.get(event) ?? []) listener(payload as never)
    },
  }
}
