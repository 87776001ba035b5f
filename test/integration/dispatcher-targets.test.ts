import { describe, expect, it } from 'vitest'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { waitFor } from '../support/wait-for.js'

describe('the dispatcher and repeated targets', () => {
  it.each(['sendCode', 'stop'] as const)(
    '%s sends one instruction to a point named 10,000 times',
    async (method) => {
      const fixture = await startCore()
      const instance = await OscTestClient.open()
      const received: Buffer[] = []
      instance.onMessage((datagram) => received.push(datagram))
      try {
        // The instance beacons from its own socket, so instructions go back to it.
        await instance.send(fixture.oscPort, '/beacon', [
          'name',
          'sc-1',
          'lang_port',
          instance.port,
        ])
        const point = await waitFor('the point', () => fixture.core.points.list()[0])
        const dispatcher = fixture.core.dispatcher
        const targets = Array.from({ length: 10_000 }, () => point.uuid)
        const params = method === 'sendCode' ? { code: '1 + 1', targets } : { targets }
        const answer = (await dispatcher.handle(method, params)) as {
          ok: boolean
          value: { instructions: unknown[] }
        }
        expect(answer.ok).toBe(true)
        expect(answer.value.instructions).toHaveLength(1)
        await waitFor('the instruction', () => received[0])
        // A marker sent after the instructions: whatever else was sent has arrived by then.
        await fixture.core.tracker.sendToMany([point], '"marker"', false)
        await waitFor('the marker', () =>
          received.find((datagram) => datagram.includes('"marker"')),
        )
        expect(received).toHaveLength(2)
        expect(fixture.core.tracker.listRecent(20_000)).toHaveLength(2)
      } finally {
        await instance.close()
        await fixture.close()
      }
    },
  )
})
