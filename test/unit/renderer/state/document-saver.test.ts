import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  DocumentSaveOutcome,
  EditorDocument,
  GencasterApi,
  RequestParams,
  Result,
} from '../../../../src-main/contract'
import { createDocumentSaver } from '../../../../src-renderer/state/document-saver'
import { createAppStore } from '../../../../src-renderer/state/store'

type SaveParams = RequestParams<'saveDocument'>

/**
 * The core's saveDocument, answering only when the test says so: each request waits in
 * `pending` until `answer` writes it to `stored` (as the database would) and resolves it.
 */
function fakeCore() {
  const pending: { params: SaveParams; resolve: (result: Result<DocumentSaveOutcome>) => void }[] =
    []
  let stored: string | undefined
  let saves = 0
  let mostInFlight = 0
  const api: GencasterApi = {
    request: ((method: string, params: SaveParams) => {
      if (method !== 'saveDocument') throw new Error(`unexpected ${method}`)
      return new Promise<Result<DocumentSaveOutcome>>((resolve) => {
        pending.push({ params, resolve })
        mostInFlight = Math.max(mostInFlight, pending.length)
      })
    }) as unknown as GencasterApi['request'],
    on: () => () => {},
  }
  const answer = (index = 0, result?: Result<DocumentSaveOutcome>) => {
    const [request] = pending.splice(index, 1)
    if (!request) throw new Error('no save waiting')
    if (!result) {
      saves += 1
      stored = request.params.text
    }
    request.resolve(
      result ?? {
        ok: true,
        value: {
          status: 'saved',
          document: {
            ...document,
            text: request.params.text,
            modifiedDate: `saved ${saves}`,
            revision: (request.params.baseRevision ?? 0) + 1,
          },
        },
      },
    )
  }
  return {
    api,
    pending,
    answer,
    stored: () => stored,
    mostInFlight: () => mostInFlight,
  }
}

const document: EditorDocument = {
  uuid: 'doc-1',
  createdDate: 'created',
  modifiedDate: 'loaded',
  title: 'Untitled 1',
  text: 'as loaded',
  position: 0,
  revision: 1,
}

/** Lets the saver's `.then` handlers run. */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('the document saver', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  function setup() {
    const core = fakeCore()
    const store = createAppStore()
    store.getState().setDocuments([document])
    const saver = createDocumentSaver(core.api, store, { delayMs: 400 })
    return { core, store, saver }
  }

  it('saves once typing pauses, with the latest text', async () => {
    const { core, saver } = setup()
    saver.change('doc-1', 'x')
    saver.change('doc-1', 'x = 1;')
    await vi.advanceTimersByTimeAsync(399)
    expect(core.pending).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(core.pending.map((request) => request.params.text)).toEqual(['x = 1;'])
  })

  it('keeps one save in flight and sends only the newest text behind it', async () => {
    const { core, saver } = setup()
    saver.change('doc-1', 'one')
    await vi.advanceTimersByTimeAsync(400)
    saver.change('doc-1', 'two')
    await vi.advanceTimersByTimeAsync(400)
    saver.change('doc-1', 'three')
    await vi.advanceTimersByTimeAsync(400)
    // 'two' and 'three' wait behind 'one': nothing can overtake it on the way to the database.
    expect(core.pending.map((request) => request.params.text)).toEqual(['one'])
    core.answer()
    await settle()
    expect(core.pending.map((request) => request.params.text)).toEqual(['three'])
    core.answer()
    await settle()
    expect(core.pending).toHaveLength(0)
    expect(core.stored()).toBe('three')
    expect(core.mostInFlight()).toBe(1)
  })

  it("applies an answer's metadata to the store, never its text", async () => {
    const { core, store, saver } = setup()
    saver.change('doc-1', 'older')
    await vi.advanceTimersByTimeAsync(400)
    // The performer goes on typing while the older save is out; then its answer comes back.
    saver.change('doc-1', 'newer')
    core.answer()
    await settle()
    const [kept] = store.getState().documents
    expect(kept?.modifiedDate).toBe('saved 1')
    expect(kept?.text).toBe('as loaded')
    await vi.advanceTimersByTimeAsync(400)
    core.answer()
    await settle()
    expect(core.stored()).toBe('newer')
  })

  it('saves at once on flush, without waiting for the delay', async () => {
    const { core, saver } = setup()
    saver.change('doc-1', 'typed just before the reload')
    saver.flush()
    expect(core.pending.map((request) => request.params.text)).toEqual([
      'typed just before the reload',
    ])
    await vi.advanceTimersByTimeAsync(1000)
    expect(core.pending).toHaveLength(1)
  })

  it('keeps a failed save and sends it again once the connection is back', async () => {
    const { core, saver } = setup()
    saver.change('doc-1', 'typed offline')
    await vi.advanceTimersByTimeAsync(400)
    core.answer(0, { ok: false, error: 'connection to the core lost' })
    await settle()
    // Not at once (offline that would spin): the retry comes 5 s later at the earliest.
    await vi.advanceTimersByTimeAsync(4000)
    expect(core.pending).toHaveLength(0)
    saver.connectionRestored()
    expect(core.pending.map((request) => request.params.text)).toEqual(['typed offline'])
    core.answer()
    await settle()
    expect(core.stored()).toBe('typed offline')
  })

  it("tries a failed save again in a while, with a banner of the tab's own", async () => {
    const { core, store, saver } = setup()
    store.getState().setDocuments([document, { ...document, uuid: 'doc-2', title: 'Untitled 2' }])
    saver.change('doc-1', 'typed on a full disk')
    await vi.advanceTimersByTimeAsync(400)
    core.answer(0, { ok: false, error: 'not saved: disk full' })
    await settle()
    const alertKeys = () => store.getState().alerts.map(({ key }) => key)
    expect(alertKeys()).toEqual(['save doc-1'])
    // Another tab saves fine: the first tab's banner stays, its text is not saved yet.
    saver.change('doc-2', 'other tab')
    await vi.advanceTimersByTimeAsync(400)
    core.answer()
    await settle()
    expect(alertKeys()).toEqual(['save doc-1'])
    // The disk frees up: the retry saves it without another keystroke, and the banner goes.
    await vi.advanceTimersByTimeAsync(5000)
    expect(core.pending.map((request) => request.params.text)).toEqual(['typed on a full disk'])
    core.answer()
    await settle()
    expect(core.stored()).toBe('typed on a full disk')
    expect(alertKeys()).toEqual([])
  })

  it('gives up a save lost with the connection and sends the newest text again', async () => {
    const { core, store, saver } = setup()
    saver.change('doc-1', 'sent into a closed socket')
    await vi.advanceTimersByTimeAsync(400)
    saver.change('doc-1', 'typed while offline')
    saver.connectionRestored()
    expect(core.pending.map((request) => request.params.text)).toEqual([
      'sent into a closed socket',
      'typed while offline',
    ])
    core.answer(1)
    await settle()
    // A late answer to the given-up save changes nothing.
    core.pending[0]?.resolve({
      ok: true,
      value: {
        status: 'saved',
        document: { ...document, text: 'sent into a closed socket', modifiedDate: 'late' },
      },
    })
    await settle()
    expect(store.getState().documents[0]?.modifiedDate).toBe('saved 1')
    expect(core.stored()).toBe('typed while offline')
  })

  it('does not save a document that is no longer open', async () => {
    const { core, store, saver } = setup()
    store.getState().setDocuments([])
    saver.change('doc-1', 'gone')
    await vi.advanceTimersByTimeAsync(400)
    expect(core.pending).toHaveLength(0)
  })
})
