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

const loaded: EditorDocument = {
  uuid: 'doc-1',
  createdDate: 'created',
  modifiedDate: 'loaded',
  title: 'Untitled 1',
  text: 'as loaded',
  position: 0,
  revision: 4,
}

/** A core that keeps a revision and refuses a save whose base is older, as the real one does. */
function revisionCore() {
  const requests: SaveParams[] = []
  let stored: EditorDocument = loaded
  const api: GencasterApi = {
    request: ((method: string, params: SaveParams) => {
      if (method !== 'saveDocument') throw new Error(`unexpected ${method}`)
      requests.push(params)
      const outcome: DocumentSaveOutcome =
        params.baseRevision !== undefined && stored.revision > params.baseRevision
          ? { status: 'conflict', current: stored }
          : {
              status: 'saved',
              document: (stored = { ...stored, text: params.text, revision: stored.revision + 1 }),
            }
      return Promise.resolve<Result<DocumentSaveOutcome>>({ ok: true, value: outcome })
    }) as unknown as GencasterApi['request'],
    on: () => () => {},
  }
  /** Another page saves meanwhile. */
  const savedElsewhere = (text: string) =>
    (stored = { ...stored, text, revision: stored.revision + 1 })
  return { api, requests, stored: () => stored, savedElsewhere }
}

describe('the document saver, with revisions and a longest wait', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  function setup() {
    const core = revisionCore()
    const store = createAppStore()
    store.getState().setDocuments([loaded])
    const conflicts: { uuid: string; theirs: EditorDocument }[] = []
    const saver = createDocumentSaver(core.api, store, {
      delayMs: 400,
      maxWaitMs: 2000,
      onConflict: (uuid, theirs) => conflicts.push({ uuid, theirs }),
    })
    return { core, store, saver, conflicts }
  }

  it('saves at least every 2 s while typing goes on without a pause', async () => {
    const { core, saver } = setup()
    // 40 keys over 4.4 s, one every 110 ms: never a 400 ms pause.
    let text = ''
    for (let key = 0; key < 40; key += 1) {
      text += 'x'
      saver.change('doc-1', text)
      await vi.advanceTimersByTimeAsync(110)
    }
    expect(core.requests.length).toBeGreaterThanOrEqual(2)
    // The first went 2 s after the first key, with what was typed by then.
    expect(core.requests[0]?.text.length).toBeGreaterThanOrEqual(18)
    expect(core.requests[0]?.text.length).toBeLessThanOrEqual(19)
    await vi.advanceTimersByTimeAsync(400)
    expect(core.stored().text).toBe(text)
  })

  it('sends the revision it last saw, and the next one after each answer', async () => {
    const { core, saver } = setup()
    saver.change('doc-1', 'one')
    await vi.advanceTimersByTimeAsync(400)
    saver.change('doc-1', 'two')
    await vi.advanceTimersByTimeAsync(400)
    expect(core.requests.map((request) => request.baseRevision)).toEqual([4, 5])
    expect(core.requests.every((request) => request.origin === saver.origin)).toBe(true)
    expect(core.stored()).toMatchObject({ text: 'two', revision: 6 })
  })

  it('stops saving a document another page saved meanwhile, and says so once', async () => {
    const { core, saver, conflicts } = setup()
    core.savedElsewhere('// written in page A')
    saver.change('doc-1', 'as loaded + typed in B')
    await vi.advanceTimersByTimeAsync(400)
    expect(core.stored().text).toBe('// written in page A')
    expect(conflicts).toEqual([{ uuid: 'doc-1', theirs: core.stored() }])
    saver.change('doc-1', 'as loaded + typed in B, more')
    saver.flush()
    await vi.advanceTimersByTimeAsync(5000)
    expect(core.requests).toHaveLength(1)
    expect(core.stored().text).toBe('// written in page A')
    expect(saver.hasUnsaved('doc-1')).toBe(true)
    expect(conflicts).toHaveLength(1)
  })

  it('"keep mine" saves the text over theirs, against their revision', async () => {
    const { core, store, saver } = setup()
    core.savedElsewhere('theirs')
    saver.change('doc-1', 'mine')
    await vi.advanceTimersByTimeAsync(400)
    saver.keepMine('doc-1', 'mine, kept')
    await vi.advanceTimersByTimeAsync(0)
    expect(core.requests.at(-1)?.baseRevision).toBe(5)
    expect(core.stored()).toMatchObject({ text: 'mine, kept', revision: 6 })
    expect(store.getState().documents[0]?.revision).toBe(6)
    expect(saver.hasUnsaved('doc-1')).toBe(false)
  })

  it('"take theirs" drops the waiting text, takes their revision and saves on from it', async () => {
    const { core, store, saver } = setup()
    core.savedElsewhere('theirs')
    saver.change('doc-1', 'mine')
    await vi.advanceTimersByTimeAsync(400)
    expect(saver.takeTheirs('doc-1')?.text).toBe('theirs')
    expect(saver.hasUnsaved('doc-1')).toBe(false)
    expect(store.getState().documents[0]).toMatchObject({ text: 'theirs', revision: 5 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(core.stored().text).toBe('theirs')
    saver.change('doc-1', 'theirs, then typed here')
    await vi.advanceTimersByTimeAsync(400)
    expect(core.stored()).toMatchObject({ text: 'theirs, then typed here', revision: 6 })
  })
})
