/**
 * What the core's rows look like on the wire to the page. A fan-out of large code to thousands
 * of points once made 181 MB of frames because every state change carried the whole code; the
 * page sent the code itself and never reads it back from an instruction.
 */
import type { DocumentChange, EditorDocument } from '../documents/editor-document.js'
import type { StreamInstruction } from '../stream/stream-instruction.js'

/** An instruction as the page sees it: its state and answer, not its code. */
export type InstructionView = Omit<StreamInstruction, 'instructionText'>

/** Longest return value sent to the page; the database keeps the whole one. */
export const maxReturnValueOnWire = 4000

/**
 * `text` cut to `max` characters, saying how much was left out; never half a surrogate pair.
 * (The core's `clipText` does the same for stored text, counting bytes with Node's Buffer,
 * which this folder, compiled for the browser too, cannot use.)
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

/**
 * A document save as the pages get it: the text travels only while it is small. Typing in a
 * 1 MB tab saves every 2 s, and each save went to every page, the one that typed it too; above
 * this a page that needs the text (one showing the tab) asks for it with `getDocument`.
 */
export type DocumentChangeView =
  | {
      readonly kind: 'saved'
      readonly document: Omit<EditorDocument, 'text'> & { readonly text?: string }
      readonly origin: string | undefined
    }
  | { readonly kind: 'deleted'; readonly uuid: string }

/** Longest document text sent inside a `document-changed` event, in characters. */
export const maxDocumentTextOnWire = 64 * 1024

/** The wire view of a document change: its text left out when it is long. */
export function documentChangeView(change: DocumentChange): DocumentChangeView {
  if (change.kind !== 'saved' || change.document.text.length <= maxDocumentTextOnWire) return change
  const { uuid, createdDate, modifiedDate, title, position, revision } = change.document
  return {
    ...change,
    document: { uuid, createdDate, modifiedDate, title, position, revision },
  }
}
