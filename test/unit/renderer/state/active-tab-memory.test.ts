import { describe, expect, it } from 'vitest'
import {
  recallActiveTab,
  rememberActiveTab,
} from '../../../../src-renderer/state/active-tab-memory.js'

/** A Storage stand-in: a Map behind the two methods used. */
function memoryStorage(failing = false) {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => {
      if (failing) throw new Error('storage off')
      return items.get(key) ?? null
    },
    setItem: (key: string, value: string) => {
      if (failing) throw new Error('quota')
      items.set(key, value)
    },
  }
}

describe('the open tab across a reload', () => {
  const documents = [{ uuid: 'first' }, { uuid: 'second' }]

  it('recalls the tab last opened', () => {
    const storage = memoryStorage()
    rememberActiveTab('first', storage)
    rememberActiveTab('second', storage)
    expect(recallActiveTab(documents, storage)).toBe('second')
  })

  it('recalls nothing for a tab that no longer exists, or before any was opened', () => {
    const storage = memoryStorage()
    expect(recallActiveTab(documents, storage)).toBeUndefined()
    rememberActiveTab('deleted', storage)
    expect(recallActiveTab(documents, storage)).toBeUndefined()
  })

  it('does without storage that is turned off', () => {
    const storage = memoryStorage(true)
    expect(() => rememberActiveTab('first', storage)).not.toThrow()
    expect(recallActiveTab(documents, storage)).toBeUndefined()
  })
})
