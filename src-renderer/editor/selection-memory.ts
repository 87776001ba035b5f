import { EditorSelection } from '@codemirror/state'

const keyPrefix = 'gencaster.editor-selection.'

/** The part of the Web Storage API used here (localStorage in the page). */
export type SelectionStorage = Pick<Storage, 'getItem' | 'setItem'>

/**
 * Keeps where the cursor is in a document, in the browser, so a reload puts it back. Small and
 * local to this browser: the core stores the text, not where one performer's cursor was.
 */
export function rememberSelection(
  uuid: string,
  selection: EditorSelection,
  storage: SelectionStorage = localStorage,
): void {
  try {
    storage.setItem(keyPrefix + uuid, JSON.stringify(selection.toJSON()))
  } catch {
    // Storage full or turned off: the cursor starts at the top after a reload, nothing worse.
  }
}

/** The document's remembered selection, kept inside a text of `length` characters. */
export function recallSelection(
  uuid: string,
  length: number,
  storage: SelectionStorage = localStorage,
): EditorSelection | undefined {
  try {
    const stored = storage.getItem(keyPrefix + uuid)
    if (stored === null) return undefined
    const { ranges, main } = JSON.parse(stored) as {
      ranges: { anchor: number; head: number }[]
      main: number
    }
    const inside = (position: number) => Math.max(0, Math.min(length, Math.trunc(position)))
    return EditorSelection.create(
      ranges.map((range) => EditorSelection.range(inside(range.anchor), inside(range.head))),
      main,
    )
  } catch {
    // Nothing usable stored (another version, hand-edited): start at the top.
    return undefined
  }
}
