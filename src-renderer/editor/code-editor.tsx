import { EditorView } from '@codemirror/view'
import { useEffect, useRef } from 'react'
import { createDocumentState } from './document-state'
import type { EditorHandlers, EditorSessions } from './editor-sessions'

export interface CodeEditorProps extends EditorHandlers {
  readonly uuid: string
  /** The document's stored text: read only the first time the page opens the document. */
  readonly initialText: string
  /** Where each opened document's editor state lives between tab switches. */
  readonly sessions: EditorSessions
}

/**
 * CodeMirror 6 with SuperCollider highlighting and the IDE's keys, for one document. The view is
 * built when the tab is shown and never again while it is: saves, snapshots and store updates
 * re-render this component without touching the text, the selection, the undo history or the
 * focus. Leaving the tab keeps its state in `sessions` for when it comes back.
 */
export function CodeEditor({
  uuid,
  initialText,
  sessions,
  onEvaluate,
  onStop,
  onChange,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const session = sessions.open(uuid, { onEvaluate, onStop, onChange }, (handlers) =>
    createDocumentState(uuid, initialText, handlers),
  )
  // Handlers change with every render; the editor's keys read the latest ones.
  session.handlers.current = { onEvaluate, onStop, onChange }

  // eslint-disable-next-line react-hooks/immutability -- the session lives outside React (EditorSessions) on purpose: it keeps the view and its state between tab switches
  useEffect(() => {
    if (!host.current) return undefined
    const view = new EditorView({ parent: host.current, state: session.state })
    session.view = view
    view.focus()
    view.dispatch({
      effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'center' }),
    })
    return () => {
      session.state = view.state
      session.view = undefined
      view.destroy()
    }
    // The session is the document's: the view is rebuilt only when another document is shown.
  }, [session])

  return <div className="code-editor" ref={host} data-testid="code-editor" />
}
