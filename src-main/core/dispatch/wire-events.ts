/**
 * The one place where the core's internal events become the contract's wire events. The core
 * keeps an instruction's code and a document's whole text; the page gets neither in events. A
 * fan-out of large code to thousands of points once made 181 MB of frames because every state
 * change carried the whole code; the page sent the code itself and never reads it back.
 */
import {
  eventNames,
  maxDocumentTextOnWire,
  maxReturnValueOnWire,
  type DocumentChange,
  type DocumentChangeView,
  type EventName,
  type EventPayloads,
  type InstructionView,
} from '../../contract/index.js'
import type { CoreEventMap, CoreEvents } from '../events/core-events.js'
import type { StreamInstruction } from '../instructions/stream-instruction.js'

/** Every core event as its wire event, to `listener`; the returned function unsubscribes. */
export function subscribeWireEvents(
  events: CoreEvents,
  listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
): () => void {
  const forward = <E extends EventName>(name: E) =>
    events.on(name, (payload) => listener(name, wireEvent(name, payload)))
  const disposers = eventNames.map(forward)
  return () => disposers.forEach((dispose) => dispose())
}

/** The wire event of a core event: the same name, its payload as the page sees it. */
export function wireEvent<E extends EventName>(
  name: E,
  payload: CoreEventMap[E],
): EventPayloads[E] {
  if (name === 'instruction-changed')
    return instructionView(payload as StreamInstruction) as EventPayloads[E]
  if (name === 'document-changed')
    return documentChangeView(payload as DocumentChange) as EventPayloads[E]
  return payload as EventPayloads[E]
}

/**
 * `text` cut to `max` characters, saying how much was left out; never half a surrogate pair.
 * (The core's `clipText` does the same for stored text, naming the whole text's size in bytes.)
 */
export function truncatedForWire(text: string, max: number): string {
  if (text.length <= max) return text
  const last = text.charCodeAt(max - 1)
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max
  return `${text.slice(0, end)}… (${text.length - end} more characters)`
}

/** The wire view of an instruction (built field by field: this runs for every state change). */
export function instructionView(instruction: StreamInstruction): InstructionView {
  const returnValue = instruction.returnValue
  return {
    uuid: instruction.uuid,
    createdDate: instruction.createdDate,
    modifiedDate: instruction.modifiedDate,
    streamPoint: instruction.streamPoint,
    state: instruction.state,
    returnValue: returnValue === null ? null : truncatedForWire(returnValue, maxReturnValueOnWire),
    manualFinish: instruction.manualFinish,
    sentDate: instruction.sentDate,
    receivedDate: instruction.receivedDate,
    finishedDate: instruction.finishedDate,
    deadlineDate: instruction.deadlineDate,
    noAnswerDate: instruction.noAnswerDate,
    roundTripMs: instruction.roundTripMs,
  }
}

/**
 * The leading items of `items` (newest first) whose sizes add up to at most `budget`, and at
 * least one: a snapshot stays small however large single log lines once were.
 */
export function withinBudget<T>(
  items: readonly T[],
  size: (item: T) => number,
  budget: number,
): T[] {
  let used = 0
  let count = 0
  for (const item of items) {
    used += size(item)
    if (used > budget && count > 0) break
    count += 1
  }
  return items.slice(0, count)
}

/** The wire view of a document change: its text left out when it is long. */
export function documentChangeView(change: DocumentChange): DocumentChangeView {
  if (change.kind !== 'saved' || change.document.text.length <= maxDocumentTextOnWire) return change
  const { uuid, createdDate, modifiedDate, title, position, revision } = change.document
  return {
    ...change,
    document: { uuid, createdDate, modifiedDate, title, position, revision },
  }
}
