import { describe, expect, it } from 'vitest'
import type { EventBatchFrame, EventName } from '../../../src-main/contract/index.js'
import {
  batchEventsPerTurn,
  type WireEventSource,
} from '../../../src-main/core/dispatch/event-batches.js'

/** A source the test fires by hand, counting who listens. */
class HandSource implements WireEventSource {
  private readonly listeners = new Set<(event: EventName, payload: unknown) => void>()

  get listening(): number {
    return this.listeners.size
  }

  subscribe(listener: (event: EventName, payload: unknown) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  fire(event: EventName, payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload)
  }
}

const nextTurn = () => new Promise((done) => setImmediate(done))

describe('batching events per turn', () => {
  it('sends one batch per turn, with the events in the order they came', async () => {
    const source = new HandSource()
    const sent: EventBatchFrame[] = []
    batchEventsPerTurn({ source, send: (batch) => sent.push(batch) })
    source.fire('log-added', 1)
    source.fire('point-changed', 2)
    source.fire('log-added', 3)
    expect(sent).toEqual([])
    await nextTurn()
    source.fire('storage-changed', 4)
    await nextTurn()
    await nextTurn()
    expect(sent).toEqual([
      {
        events: [
          { event: 'log-added', payload: 1 },
          { event: 'point-changed', payload: 2 },
          { event: 'log-added', payload: 3 },
        ],
      },
      { events: [{ event: 'storage-changed', payload: 4 }] },
    ])
  })

  it('sends what waits at a flush, before the answer that follows, and nothing twice', async () => {
    const source = new HandSource()
    const wire: unknown[] = []
    const batches = batchEventsPerTurn({ source, send: (batch) => wire.push(batch) })
    source.fire('log-added', 'before the answer')
    batches.flush()
    wire.push('the answer')
    source.fire('log-added', 'after the answer')
    await nextTurn()
    // An empty flush sends nothing.
    batches.flush()
    expect(wire).toEqual([
      { events: [{ event: 'log-added', payload: 'before the answer' }] },
      'the answer',
      { events: [{ event: 'log-added', payload: 'after the answer' }] },
    ])
  })

  it('sends nothing after close, not even what was waiting, and stops listening', async () => {
    const source = new HandSource()
    const sent: EventBatchFrame[] = []
    const batches = batchEventsPerTurn({ source, send: (batch) => sent.push(batch) })
    expect(source.listening).toBe(1)
    source.fire('log-added', 'waiting')
    batches.close()
    batches.close()
    expect(source.listening).toBe(0)
    await nextTurn()
    batches.flush()
    expect(sent).toEqual([])
  })

  it('is closed by a send that closes it (a client dropped at its frame)', async () => {
    const source = new HandSource()
    const sent: EventBatchFrame[] = []
    const batches = batchEventsPerTurn({
      source,
      send: (batch) => {
        sent.push(batch)
        batches.close()
      },
    })
    source.fire('log-added', 1)
    await nextTurn()
    source.fire('log-added', 2)
    await nextTurn()
    expect(sent).toEqual([{ events: [{ event: 'log-added', payload: 1 }] }])
  })

  it('schedules through the scheduler it is given, once per batch', () => {
    const source = new HandSource()
    const sent: EventBatchFrame[] = []
    const tasks: (() => void)[] = []
    let cancelled = 0
    batchEventsPerTurn({
      source,
      send: (batch) => sent.push(batch),
      schedule: (task) => {
        tasks.push(task)
        return () => cancelled++
      },
    })
    for (let index = 0; index < 500; index++) source.fire('log-added', index)
    expect(tasks).toHaveLength(1)
    tasks[0]!()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.events.map((frame) => frame.payload)).toEqual([...Array(500).keys()])
    expect(cancelled).toBe(1)
  })
})
