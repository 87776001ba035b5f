import type { EditorState } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'

/** What a document's editor calls out to. */
export interface EditorHandlers {
  onEvaluate(code: string): void
  onStop(): void
  onChange(text: string): void
}

/**
 * One opened document's editor, kept while the page lives: its state (text, selection, undo
 * history) and the handlers its keys call, which the latest render sets.
 */
export interface EditorSession {
  state: EditorState
  /** The view while the tab is shown: it then holds the live state, not `state`. */
  view?: EditorView | undefined
  readonly handlers: { current: EditorHandlers }
}

/**
 * The editor sessions of the documents opened since the page loaded, by document uuid. Going
 * back to a tab restores its session as it was left, never a fresh state from the stored text.
 */
export class EditorSessions {
  private readonly sessions = new Map<string, EditorSession>()

  /** The document's session; `create` makes its first state when it is first opened. */
  open(
    uuid: string,
    handlers: EditorHandlers,
    create: (handlers: EditorSession['handlers']) => EditorState,
  ): EditorSession {
    let session = this.sessions.get(uuid)
    if (!session) {
      const slot = { current: handlers }
      session = { state: create(slot), handlers: slot }
      this.sessions.set(uuid, session)
    }
    return session
  }

  /** The document's session if it was opened since the page loaded. */
  get(uuid: string): EditorSession | undefined {
    return this.sessions.get(uuid)
  }

  /** Drops a deleted document's session: if it comes back, it opens from its stored text. */
  forget(uuid: string): void {
    this.sessions.delete(uuid)
  }
}
