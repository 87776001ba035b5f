import {
  type DocumentChangeView,
  type DocumentSaveOutcome,
  type EditorDocument,
  type Result,
  maxDocumentTextOnWire,
} from '../../src-main/contract/index.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ContractDispatcher } from '../../src-main/core/dispatch/contract-dispatcher.js'
import { documentLimits } from '../../src-main/core/documents/document-limits.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'

/** Browser mode drops a page once this much waits for it (browser-server.ts). */
const perPageQueueBound = 8 * 1024 * 1024

describe('two pages saving one document, on a real database', () => {
  let fixture: CoreFixture
  let dispatcher: ContractDispatcher
  let changes: DocumentChangeView[]
  beforeEach(async () => {
    fixture = await startCore()
    dispatcher = fixture.core.dispatcher
    changes = []
    dispatcher.subscribe((event, payload) => {
      if (event === 'document-changed') changes.push(payload as DocumentChangeView)
    })
  })
  afterEach(async () => fixture.close())

  const save = async (params: Record<string, unknown>) => {
    const result = (await dispatcher.handle('saveDocument', params)) as Result<DocumentSaveOutcome>
    if (!result.ok) throw new Error(result.error)
    return result.value
  }
  const saved = (outcome: DocumentSaveOutcome): EditorDocument => {
    if (outcome.status !== 'saved') throw new Error('expected a stored save')
    return outcome.document
  }
  const stored = async () => {
    const listed = (await dispatcher.handle('listDocuments', {})) as Result<EditorDocument[]>
    return listed.ok ? listed.value : []
  }

  it('refuses the second writer without overwriting, and tells every page of the first', async () => {
    const tab = saved(await save({ title: 'Tab 1', text: 'old text' }))
    expect(tab.revision).toBe(1)
    const a = saved(
      await save({
        uuid: tab.uuid,
        title: 'Tab 1',
        text: '// written in page A',
        baseRevision: 1,
        origin: 'page-a',
      }),
    )
    expect(a.revision).toBe(2)
    const b = await save({
      uuid: tab.uuid,
      title: 'Tab 1',
      text: 'old text + typed in B',
      baseRevision: 1,
      origin: 'page-b',
    })
    expect(b).toEqual({ status: 'conflict', current: a })
    expect((await stored())[0]).toMatchObject({ text: '// written in page A', revision: 2 })
    // "keep mine": B saves again against the revision it was shown.
    const kept = saved(
      await save({
        uuid: tab.uuid,
        title: 'Tab 1',
        text: 'old text + typed in B',
        baseRevision: 2,
        origin: 'page-b',
      }),
    )
    expect(kept.revision).toBe(3)
    expect(changes.map((change) => change.kind === 'saved' && change.origin)).toEqual([
      undefined,
      'page-a',
      'page-b',
    ])
    expect(changes[1]).toMatchObject({ kind: 'saved', document: a })
    expect(await dispatcher.handle('deleteDocument', { uuid: tab.uuid })).toEqual({
      ok: true,
      value: { deleted: true },
    })
    expect(changes.at(-1)).toEqual({ kind: 'deleted', uuid: tab.uuid })
  })

  it('sends a long text to the pages only when they ask for it', async () => {
    const long = 'x'.repeat(maxDocumentTextOnWire + 1)
    const tab = saved(await save({ title: 'Long', text: long, origin: 'page-a' }))
    expect(changes.at(-1)).toEqual({
      kind: 'saved',
      origin: 'page-a',
      document: { ...tab, text: undefined },
    })
    expect(changes.at(-1)).not.toHaveProperty('document.text')
    expect(await dispatcher.handle('getDocument', { uuid: tab.uuid })).toEqual({
      ok: true,
      value: tab,
    })
    expect(await dispatcher.handle('getDocument', { uuid: 'gone' })).toEqual({
      ok: true,
      value: null,
    })
  })

  it("never refuses a page's own save sent again after its answer was lost", async () => {
    const tab = saved(await save({ title: 'Tab', text: 'one' }))
    const params = { uuid: tab.uuid, title: 'Tab', baseRevision: 1, origin: 'page-a' }
    saved(await save({ ...params, text: 'two' }))
    // The answer never came (the link dropped): the page sends its newest text on the same base.
    const again = saved(await save({ ...params, text: 'two, three' }))
    expect(again).toMatchObject({ text: 'two, three', revision: 3 })
  })

  it('bounds the tabs so that their list always fits what a page may have waiting', async () => {
    const megabyteOfCode = `${'// ~1 MB of "code"\n'.repeat(52_000)}`.slice(0, 999_000)
    const refusals: string[] = []
    for (let index = 0; index < 20; index++) {
      const result = await dispatcher.handle('saveDocument', {
        title: `Big ${index}`,
        text: megabyteOfCode,
      })
      if (!result.ok) refusals.push(result.error)
    }
    const kept = Math.floor(documentLimits.maxTotalTextBytes / megabyteOfCode.length)
    expect(refusals).toHaveLength(20 - kept)
    expect(refusals[0]).toMatch(
      /^not saved: the tabs would hold 4\.\d MB of text together, over the 4\.0 MB limit/,
    )
    const listed = await dispatcher.handle('listDocuments', {})
    expect(listed.ok).toBe(true)
    // This text is heavy in JSON escapes (a quote pair and a newline every 20 bytes): +9 %.
    expect(Buffer.byteLength(JSON.stringify(listed))).toBeLessThan(perPageQueueBound * 0.6)
    // Shortening a tab makes room again.
    const first = (await stored())[0]!
    saved(await save({ uuid: first.uuid, title: first.title, text: 'short' }))
    saved(await save({ title: 'Big again', text: megabyteOfCode }))
  })

  it('refuses a tab beyond the most tabs', async () => {
    for (let index = 0; index < documentLimits.maxDocuments; index++)
      saved(await save({ title: `Tab ${index}`, text: '' }))
    expect(await dispatcher.handle('saveDocument', { title: 'one more', text: '' })).toEqual({
      ok: false,
      error: `not saved: at most ${documentLimits.maxDocuments} tabs; delete one to make another`,
    })
  })
})
