import { describe, expect, it } from 'vitest'
import { createEventFanOut } from '../../../src-main/contract/event-fan-out.js'

describe("the page's fan-out of event batches", () => {
  it('hands each event of a batch to its listeners, in order across event names', () => {
    const fanOut = createEventFanOut()
    const heard: string[] = []
    fanOut.on('log-added', (entry) => heard.push(`log ${entry.message}`))
    fanOut.on('point-changed', (point) => heard.push(`point ${point.scName}`))
    fanOut.on('log-added', (entry) => heard.push(`again ${entry.message}`))
    fanOut.deliver({
      events: [
        { event: 'log-added', payload: { message: 'a' } },
        { event: 'point-changed', payload: { scName: 'alpha' } },
        { event: 'storage-changed', payload: { ok: true } },
        { event: 'log-added', payload: { message: 'b' } },
      ],
    })
    expect(heard).toEqual(['log a', 'again a', 'point alpha', 'log b', 'again b'])
  })

  it('stops calling a listener once it unsubscribes, and keeps the others', () => {
    const fanOut = createEventFanOut()
    const heard: unknown[] = []
    const stop = fanOut.on('log-added', () => heard.push('first'))
    fanOut.on('log-added', () => heard.push('second'))
    stop()
    stop()
    fanOut.deliver({ events: [{ event: 'log-added', payload: {} }] })
    expect(heard).toEqual(['second'])
  })
})
