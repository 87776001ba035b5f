import type {
  DocumentChange,
  DocumentChangeView,
  EditorDocument,
  GencasterApi,
} from '../../src-main/contract'
import type { DocumentSaver } from '../state/document-saver'
import type { AppStore } from '../state/store'
import type { EditorSessions } from './editor-sessions'
import { applyRemoteText, sessionText } from './remote-text'

/** What following the other pages' saves needs. */
export interface DocumentSyncParts {
  readonly store: AppStore
  readonly saver: DocumentSaver
  readonly sessions: EditorSessions
}

/** The key of a document's conflict banner. */
export const conflictAlertKey = (uuid: string) => `conflict-${uuid}`

/**
 * A `document-changed` event: followed at once, or, when it left out a long text that this page
 * needs (another page's save of a tab it has), once the text is fetched.
 */
export async function receiveDocumentChange(
  api: GencasterApi,
  parts: DocumentSyncParts,
  change: DocumentChangeView,
): Promise<void> {
  if (change.kind === 'deleted') return followDocumentChange(parts, change)
  const { document, origin } = change
  if (origin === parts.saver.origin) return
  if (document.text !== undefined)
    return followDocumentChange(parts, {
      kind: 'saved',
      document: { ...document, text: document.text },
      origin,
    })
  const known = parts.store.getState().documents.find((tab) => tab.uuid === document.uuid)
  if (known && document.revision <= known.revision) return
  const fetched = await api.request('getDocument', { uuid: document.uuid })
  if (fetched.ok && fetched.value)
    followDocumentChange(parts, { kind: 'saved', document: fetched.value, origin })
}

/**
 * Follows a save or delete made by another page. A tab with nothing unsaved here takes the new
 * text into its editor (the cursor mapped through the change, the undo history untouched); a
 * tab with unsaved text here is never overwritten: it gets the conflict banner instead.
 */
export function followDocumentChange(parts: DocumentSyncParts, change: DocumentChange): void {
  const { store, saver, sessions } = parts
  const state = store.getState()
  if (change.kind === 'deleted') {
    // Unsaved text here stays, and its next save makes the document again.
    if (saver.hasUnsaved(change.uuid)) return
    state.removeDocument(change.uuid)
    sessions.forget(change.uuid)
    return
  }
  if (change.origin === saver.origin) return
  const theirs = change.document
  const ours = state.documents.find((candidate) => candidate.uuid === theirs.uuid)
  if (!ours) {
    // New here, or made again by a page that had unsaved text in it: an editor kept from
    // before must show that text, not its own older one.
    state.putDocument(theirs)
    const kept = sessions.get(theirs.uuid)
    if (kept) applyRemoteText(kept, theirs.text, false)
    return
  }
  if (theirs.revision <= ours.revision) return
  if (saver.hasUnsaved(theirs.uuid)) return saver.conflict(theirs.uuid, theirs)
  state.putDocument(theirs)
  const session = sessions.get(theirs.uuid)
  if (session) applyRemoteText(session, theirs.text, false)
}

/**
 * Catches up after the link was down (the changes made meanwhile never came as events): tabs
 * with nothing unsaved here take the stored text. A tab with unsaved text is left to its next
 * save, which the core refuses as a conflict only if another page saved meanwhile.
 */
export function followListedDocuments(
  parts: DocumentSyncParts,
  listed: readonly EditorDocument[],
): void {
  for (const document of listed)
    if (!parts.saver.hasUnsaved(document.uuid))
      followDocumentChange(parts, { kind: 'saved', document, origin: undefined })
}

/**
 * The banner of a conflict, until the performer chooses. "keep mine" saves this page's text
 * over theirs. "take theirs" puts their text into this tab's editor as one undoable change: the
 * performer's text is one undo away (and an undo saves it again), so nothing typed is lost.
 */
export function showConflict(parts: DocumentSyncParts, uuid: string, theirs: EditorDocument): void {
  const { store, saver, sessions } = parts
  const key = conflictAlertKey(uuid)
  store
    .getState()
    .raiseAlert(
      key,
      `"${theirs.title}" was changed on another page: your text on this page is not saved. ` +
        'Keep mine saves it over theirs; take theirs loads theirs here (one undo brings yours back).',
      [
        {
          label: 'keep mine',
          run: () => {
            const session = sessions.get(uuid)
            saver.keepMine(uuid, session && sessionText(session))
            store.getState().dismissAlert(key)
          },
        },
        {
          label: 'take theirs',
          run: () => {
            const taken = saver.takeTheirs(uuid)
            const session = sessions.get(uuid)
            if (taken && session) applyRemoteText(session, taken.text, true)
            store.getState().dismissAlert(key)
          },
        },
      ],
    )
}
