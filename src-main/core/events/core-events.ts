import type { DocumentChange, EventPayloads } from '../../contract/index.js'
import type { StreamInstruction } from '../instructions/stream-instruction.js'

/**
 * Everything the core announces: the contract's wire events, except that an instruction keeps
 * its code and a saved document its whole text (core/dispatch/wire-events.ts leaves them out
 * for the page).
 */
export type CoreEventMap = Omit<EventPayloads, 'instruction-changed' | 'document-changed'> & {
  'instruction-changed': StreamInstruction
  'document-changed': DocumentChange
}
export type CoreEventName = keyof CoreEventMap
export type Disposer = () => void
type Listener<K extends CoreEventName> = (payload: CoreEventMap[K]) => void
interface HeldEvent {
  readonly name: CoreEventName
  readonly payload: CoreEventMap[CoreEventName]
}

/**
 * A small typed event bus. A listener that throws is reported to `onListenerError` and does not
 * stop the others: a broken UI subscriber must never break OSC ingest.
 */
export class CoreEvents {
  private readonly listeners = new Map<CoreEventName, Set<Listener<CoreEventName>>>()
  /** Events emitted while a transaction runs, in order; undefined when none runs. */
  private held: HeldEvent[] | undefined

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  on<K extends CoreEventName>(name: K, listener: Listener<K>): Disposer {
    let set = this.listeners.get(name)
    if (!set) {
      set = new Set()
      this.listeners.set(name, set)
    }
    const stored = listener as Listener<CoreEventName>
    set.add(stored)
    return () => set.delete(stored)
  }

  /** Tells every listener now, or after the transaction that runs now has committed. */
  emit<K extends CoreEventName>(name: K, payload: CoreEventMap[K]): void {
    if (this.held) this.held.push({ name, payload })
    else this.deliver(name, payload)
  }

  /**
   * Runs `work` (a database transaction), holding what it emits until it has returned: a page
   * must never see a row that a failed commit then loses. If `work` throws, what it emitted is
   * dropped with its writes. Nested calls hold until the outermost one returns.
   */
  heldDuring<T>(work: () => T): T {
    if (this.held) {
      const start = this.held.length
      try {
        return work()
      } catch (error) {
        this.held.length = start
        throw error
      }
    }
    const held: HeldEvent[] = []
    this.held = held
    let result: T
    try {
      result = work()
    } finally {
      this.held = undefined
    }
    for (const event of held) this.deliver(event.name, event.payload)
    return result
  }

  private deliver<K extends CoreEventName>(name: K, payload: CoreEventMap[K]): void {
    const set = this.listeners.get(name)
    if (!set) return
    for (const listener of set) {
      try {
        listener(payload)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }
}
