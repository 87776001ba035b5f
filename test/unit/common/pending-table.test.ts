import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PendingTable, type PendingEntry } from '../../../src-main/common/pending-table.js'

describe('the pending table', () => {
  let expired: PendingEntry<string, string>[][]
  let table: PendingTable<string, string>

  beforeEach(() => {
    vi.useFakeTimers()
    expired = []
    table = new PendingTable({ onExpired: (entries) => expired.push([...entries]) })
  })
  afterEach(() => vi.useRealTimers())

  it('hands an entry out when its deadline passes, not before', async () => {
    const start = Date.now()
    table.add('late', 'b', start + 2_000)
    table.add('soon', 'a', start + 1_000)
    await vi.advanceTimersByTimeAsync(999)
    expect(expired).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(expired).toEqual([[{ id: 'soon', value: 'a', deadlineMs: start + 1_000 }]])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(expired.map((batch) => batch.map((entry) => entry.id))).toEqual([['soon'], ['late']])
    expect(table.size).toBe(0)
    expect(table.timerRunning).toBe(false)
  })

  it('hands out together the entries one check finds expired', async () => {
    const deadline = Date.now() + 500
    table.add('a', '1', deadline)
    table.add('b', '2', deadline)
    await vi.advanceTimersByTimeAsync(500)
    expect(expired.map((batch) => batch.map((entry) => entry.id))).toEqual([['a', 'b']])
  })

  it('settles an entry once: a second take and a take after the deadline find nothing', async () => {
    table.add('x', 'value', Date.now() + 1_000)
    table.add('y', 'other', Date.now() + 1_000)
    expect(table.get('x')).toBe('value')
    expect(table.take('x')).toBe('value')
    expect(table.take('x')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(expired.map((batch) => batch.map((entry) => entry.id))).toEqual([['y']])
    expect(table.take('y')).toBeUndefined()
    expect(table.get('y')).toBeUndefined()
  })

  it('refuses a second entry under an id that is pending', () => {
    table.add('x', 'first', Date.now() + 1_000)
    expect(() => table.add('x', 'second', Date.now() + 1_000)).toThrow('already pending: x')
    expect(table.get('x')).toBe('first')
  })

  it('takes out every matching entry at once', () => {
    table.add('a', 'peer-1', Date.now() + 1_000)
    table.add('b', 'peer-2', Date.now() + 1_000)
    table.add('c', 'peer-1', Date.now() + 1_000)
    expect(table.takeWhere((value) => value === 'peer-1').map((entry) => entry.id)).toEqual([
      'a',
      'c',
    ])
    expect(table.size).toBe(1)
  })

  it('fails everything pending together on close, and nothing expires after', async () => {
    table.add('a', '1', Date.now() + 1_000)
    table.add('b', '2', Date.now() + 5_000)
    const closed = table.closeAll()
    expect(closed.map((entry) => entry.id)).toEqual(['a', 'b'])
    expect(table.size).toBe(0)
    expect(table.take('a')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(expired).toEqual([])
  })

  it('leaves no timer running once nothing is pending', async () => {
    expect(table.timerRunning).toBe(false)
    table.add('a', '1', Date.now() + 1_000)
    expect(table.timerRunning).toBe(true)
    table.take('a')
    expect(table.timerRunning).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
    table.add('b', '2', Date.now() + 1_000)
    table.closeAll()
    expect(vi.getTimerCount()).toBe(0)
    table.add('c', '3', Date.now() + 1_000)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('notices a clock moved by hand within the longest check interval', async () => {
    let now = 0
    const moved = new PendingTable<string, string>({
      onExpired: (entries) => expired.push([...entries]),
      now: () => now,
      maxCheckIntervalMs: 100,
    })
    moved.add('a', '1', 60_000)
    now = 60_000
    await vi.advanceTimersByTimeAsync(100)
    expect(expired.map((batch) => batch.map((entry) => entry.id))).toEqual([['a']])
    expect(moved.timerRunning).toBe(false)
  })

  it('keeps an entry added while expired ones are handed out', async () => {
    const again = new PendingTable<string, number>({
      onExpired: (entries) => {
        for (const entry of entries)
          if (entry.value < 2) again.add(`${entry.id}+`, entry.value + 1, Date.now() + 100)
      },
    })
    again.add('a', 0, Date.now() + 100)
    await vi.advanceTimersByTimeAsync(100)
    expect(again.get('a+')).toBe(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(again.get('a++')).toBe(2)
    await vi.advanceTimersByTimeAsync(100)
    expect(again.size).toBe(0)
    expect(again.timerRunning).toBe(false)
  })
})
