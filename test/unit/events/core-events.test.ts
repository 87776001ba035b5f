import { describe, expect, it } from 'vitest'
import { logLevels } from '../../../src-main/contract/index.js'
import { CoreEvents } from '../../../src-main/core/events/core-events.js'
import type { CoreEventMap } from '../../../src-main/core/events/core-events.js'

const logLine = (message: string): CoreEventMap['log-added'] => ({
  uuid: message,
  createdDate: '',
  modifiedDate: '',
  streamPoint: null,
  stream: null,
  origin: 'graph_engine',
  level: logLevels.INFO,
  message,
  name: null,
})

function recording(): { events: CoreEvents; heard: string[] } {
  const events = new CoreEvents()
  const heard: string[] = []
  events.on('log-added', (entry) => heard.push(entry.message))
  return { events, heard }
}

describe('core events held during a transaction', () => {
  it('reach listeners after the transaction returns, in order', () => {
    const { events, heard } = recording()
    events.heldDuring(() => {
      events.emit('log-added', logLine('a'))
      events.emit('log-added', logLine('b'))
      expect(heard).toEqual([])
    })
    expect(heard).toEqual(['a', 'b'])
    events.emit('log-added', logLine('c'))
    expect(heard).toEqual(['a', 'b', 'c'])
  })

  it('are dropped with a transaction that throws', () => {
    const { events, heard } = recording()
    expect(() =>
      events.heldDuring(() => {
        events.emit('log-added', logLine('lost'))
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expect(heard).toEqual([])
    events.emit('log-added', logLine('after'))
    expect(heard).toEqual(['after'])
  })

  it('wait for the outermost of nested transactions; a failed inner one drops only its own', () => {
    const { events, heard } = recording()
    events.heldDuring(() => {
      events.emit('log-added', logLine('outer'))
      try {
        events.heldDuring(() => {
          events.emit('log-added', logLine('inner'))
          throw new Error('inner failed')
        })
      } catch {
        // the outer transaction goes on
      }
      events.heldDuring(() => events.emit('log-added', logLine('second inner')))
      expect(heard).toEqual([])
    })
    expect(heard).toEqual(['outer', 'second inner'])
  })
})
