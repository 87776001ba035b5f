import { history, undo } from '@codemirror/commands'
import { EditorSelection, EditorState, type Transaction } from '@codemirror/state'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EditorDocument, GencasterApi } from '../../../../src-main/contract'
import {
  conflictAlertKey,
  followDocumentChange,
  followListedDocuments,
  receiveDocumentChange,
  showConflict,
  type DocumentSyncParts,
} from '../../../../src-renderer/editor/document-sync'
import { EditorSessions } from '../../../../src-renderer/editor/editor-sessions'
import { sessionText } from '../../../../src-renderer/editor/remote-text'
import { createDocumentSaver } from '../../../../src-renderer/state/document-saver'
import { createAppStore } from '../../../../src-renderer/state/store'

const ours: EditorDocument = {
  uuid: 'doc-1',
  createdDate: 'created',
  modifiedDate: 'loaded',
  title: 'Untitled 1',
  text: 'line one\n1 + 1\n',
  position: 0,
  revision: 2,
}
const theirs = (text: string, revision = 3): EditorDocument => ({ ...ours, text, revision })

/** A core that never answers: what these tests look at happens before any answer. */
const silentApi: GencasterApi = {
  request: (() => new Promise(() => {})) as unknown as GencasterApi['request'],
  on: () => () => {},
}

describe('following the saves of other pages', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  function setup() {
    const store = createAppStore()
    store.getState().setDocuments([ours])
    const sessions = new EditorSessions()
    // The cursor at the end of "1 + 1", with an undo history, as an editor tab has.
    const handlers = { onEvaluate: () => {}, onStop: () => {}, onChange: () => {} }
    const session = sessions.open('doc-1', handlers, () =>
      EditorState.create({
        doc: ours.text,
        selection: EditorSelection.cursor(ours.text.length - 1),
        extensions: [history()],
      }),
    )
    const parts: DocumentSyncParts = {
      store,
      sessions,
      saver: createDocumentSaver(silentApi, store, {
        onConflict: (uuid, document) => showConflict(parts, uuid, document),
      }),
    }
    const undoOnce = () =>
      undo({
        state: session.state,
        dispatch: (transaction: Transaction) => (session.state = transaction.state),
      })
    return { store, session, parts, undoOnce }
  }

  it('puts a newer text into an idle tab with its cursor mapped, out of its undo history', () => {
    const { store, session, parts, undoOnce } = setup()
    followDocumentChange(parts, {
      kind: 'saved',
      document: theirs('// written in page A\n1 + 1\n'),
      origin: 'page-a',
    })
    expect(sessionText(session)).toBe('// written in page A\n1 + 1\n')
    expect(session.state.selection.main.head).toBe('// written in page A\n1 + 1'.length)
    expect(store.getState().documents[0]?.revision).toBe(3)
    expect(undoOnce()).toBe(false)
    expect(store.getState().alerts).toEqual([])
  })

  it("opens a tab deleted and made again by another page with that page's text, not its old one", () => {
    const { store, parts } = setup()
    followDocumentChange(parts, { kind: 'deleted', uuid: 'doc-1' })
    expect(store.getState().documents).toEqual([])
    expect(parts.sessions.get('doc-1')).toBeUndefined()
    // Page C had unsaved text in it: its save makes the document again, at revision 1.
    followDocumentChange(parts, {
      kind: 'saved',
      document: { ...ours, text: 'page C kept typing', revision: 1 },
      origin: 'page-c',
    })
    expect(store.getState().documents.map((document) => document.text)).toEqual([
      'page C kept typing',
    ])
    const reopened = parts.sessions.open(
      'doc-1',
      parts.sessions.get('doc-1')?.handlers.current ?? {
        onEvaluate: () => {},
        onStop: () => {},
        onChange: () => {},
      },
      () => EditorState.create({ doc: 'page C kept typing' }),
    )
    expect(sessionText(reopened)).toBe('page C kept typing')
  })

  it("ignores the page's own saves and revisions it already has", () => {
    const { session, parts } = setup()
    followDocumentChange(parts, {
      kind: 'saved',
      document: theirs('own echo'),
      origin: parts.saver.origin,
    })
    followDocumentChange(parts, { kind: 'saved', document: theirs('older', 2), origin: 'b' })
    expect(sessionText(session)).toBe(ours.text)
  })

  it('never overwrites unsaved text: a banner offers keep mine and take theirs', () => {
    const { store, session, parts, undoOnce } = setup()
    session.state = session.state.update({ changes: { from: 0, insert: 'mine ' } }).state
    parts.saver.change('doc-1', sessionText(session))
    followDocumentChange(parts, { kind: 'saved', document: theirs('theirs\n'), origin: 'a' })
    expect(sessionText(session)).toBe(`mine ${ours.text}`)
    const [alert] = store.getState().alerts
    expect(alert?.key).toBe(conflictAlertKey('doc-1'))
    expect(alert?.text).toMatch(/"Untitled 1" was changed on another page/)
    expect(alert?.actions?.map((action) => action.label)).toEqual(['keep mine', 'take theirs'])

    alert?.actions?.[1]?.run()
    expect(sessionText(session)).toBe('theirs\n')
    expect(store.getState().alerts).toEqual([])
    expect(parts.saver.hasUnsaved('doc-1')).toBe(false)
    // Taking theirs is one undoable change: the performer's text is one undo away.
    expect(undoOnce()).toBe(true)
    expect(sessionText(session)).toBe(`mine ${ours.text}`)
  })

  it("fetches a long text another page saved, and never the page's own", async () => {
    const { session, parts } = setup()
    const asked: unknown[] = []
    const stored = theirs('a long text from page A\n')
    const api: GencasterApi = {
      request: ((method: string, params: unknown) => {
        asked.push({ method, params })
        return Promise.resolve({ ok: true, value: stored })
      }) as unknown as GencasterApi['request'],
      on: () => () => {},
    }
    const metadata = {
      uuid: stored.uuid,
      createdDate: stored.createdDate,
      modifiedDate: stored.modifiedDate,
      title: stored.title,
      position: stored.position,
      revision: stored.revision,
    }
    await receiveDocumentChange(api, parts, {
      kind: 'saved',
      document: metadata,
      origin: parts.saver.origin,
    })
    expect(asked).toEqual([])
    await receiveDocumentChange(api, parts, { kind: 'saved', document: metadata, origin: 'a' })
    expect(asked).toEqual([{ method: 'getDocument', params: { uuid: 'doc-1' } }])
    expect(sessionText(session)).toBe('a long text from page A\n')
  })

  it('catches up after a reconnect on idle tabs only, and shows new tabs', () => {
    const { store, session, parts } = setup()
    followListedDocuments(parts, [
      theirs('changed while away\n'),
      { ...ours, uuid: 'doc-2', title: 'Untitled 2', text: 'new', revision: 1 },
    ])
    expect(sessionText(session)).toBe('changed while away\n')
    expect(store.getState().documents.map((document) => document.uuid)).toEqual(['doc-1', 'doc-2'])
    parts.saver.change('doc-1', 'typed here')
    followListedDocuments(parts, [theirs('changed again\n', 4)])
    expect(sessionText(session)).toBe('changed while away\n')
    expect(store.getState().alerts).toEqual([])
  })
})
