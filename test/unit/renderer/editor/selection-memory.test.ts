import { EditorSelection } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  recallSelection,
  rememberSelection,
  type SelectionStorage,
} from '../../../../src-renderer/editor/selection-memory'

function mapStorage(): SelectionStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  }
}

describe('the remembered selection', () => {
  it('comes back as it was left, per document', () => {
    const storage = mapStorage()
    rememberSelection('doc-a', EditorSelection.create([EditorSelection.range(3, 9)]), storage)
    rememberSelection('doc-b', EditorSelection.single(5), storage)
    expect(recallSelection('doc-a', 20, storage)?.main).toMatchObject({ anchor: 3, head: 9 })
    expect(recallSelection('doc-b', 20, storage)?.main).toMatchObject({ anchor: 5, head: 5 })
    expect(recallSelection('doc-c', 20, storage)).toBeUndefined()
  })

  it('stays inside a text that came back shorter than it was', () => {
    const storage = mapStorage()
    rememberSelection('doc-a', EditorSelection.create([EditorSelection.range(2, 40)]), storage)
    expect(recallSelection('doc-a', 10, storage)?.main).toMatchObject({ anchor: 2, head: 10 })
  })

  it('is forgotten when what is stored cannot be read', () => {
    const storage = mapStorage()
    storage.setItem('gencaster.editor-selection.doc-a', '{not json')
    expect(recallSelection('doc-a', 10, storage)).toBeUndefined()
    storage.setItem('gencaster.editor-selection.doc-a', '{"ranges":[],"main":0}')
    expect(recallSelection('doc-a', 10, storage)).toBeUndefined()
  })

  it('does not throw when the browser refuses to store it', () => {
    const full: SelectionStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => rememberSelection('doc-a', EditorSelection.single(1), full)).not.toThrow()
  })
})
