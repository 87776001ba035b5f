import { isolateHistory } from '@codemirror/commands'
import { Transaction, type ChangeSpec, type TransactionSpec } from '@codemirror/state'
import type { EditorSession } from './editor-sessions'

/**
 * The smallest single change that turns `from` into `to`: the common start and end stay, so a
 * cursor outside the changed stretch keeps its place (CodeMirror maps the selection through it).
 */
export function minimalChange(from: string, to: string): ChangeSpec | undefined {
  if (from === to) return undefined
  let start = 0
  const shorter = Math.min(from.length, to.length)
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start += 1
  let end = 0
  while (
    end < shorter - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  )
    end += 1
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) }
}

/** The session's text now (the view's, while the tab is shown). */
export function sessionText(session: EditorSession): string {
  return (session.view?.state ?? session.state).doc.toString()
}

/**
 * Puts text saved by another page into a session, cursor and selection mapped through the
 * change. Marked remote, so it is not saved back. `undoable`: the performer chose it ("take
 * theirs"), and one undo brings their own text back; otherwise (an idle page following another)
 * the change stays out of the undo history.
 */
export function applyRemoteText(session: EditorSession, text: string, undoable: boolean): void {
  const changes = minimalChange(sessionText(session), text)
  if (!changes) return
  const spec: TransactionSpec = {
    changes,
    annotations: [
      Transaction.remote.of(true),
      // An undo event of its own, never merged with what the performer typed just before.
      undoable ? isolateHistory.of('full') : Transaction.addToHistory.of(false),
    ],
  }
  if (session.view) session.view.dispatch(spec)
  else session.state = session.state.update(spec).state
}
