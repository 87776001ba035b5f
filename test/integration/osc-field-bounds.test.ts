import { describe, expect, it } from 'vitest'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { waitFor } from '../support/wait-for.js'

describe('OSC string bounds', () => {
  it('rejects a beacon with a 60,000-character name and says why', async () => {
    const fixture = await startCore()
    const attacker = await OscTestClient.open()
    try {
      await attacker.send(fixture.oscPort, '/beacon', [
        'name',
        'x'.repeat(60_000),
        'lang_port',
        57120,
      ])
      const line = await waitFor('the rejection line', () =>
        fixture.core.log.query({ text: 'longer than 200 characters' }).at(0),
      )
      expect(line.message).toBe(
        `rejected /beacon from 127.0.0.1:${attacker.port}: MalformedOscMessage: ` +
          'name: longer than 200 characters',
      )
      // A beacon sent after it is applied, so the long one had its turn and stored nothing.
      await attacker.send(fixture.oscPort, '/beacon', ['name', 'sc-1', 'lang_port', 57121])
      await waitFor('the valid beacon', () =>
        fixture.core.points.list().find((point) => point.scName === 'sc-1'),
      )
      expect(fixture.core.points.list().map((point) => point.scName)).toEqual(['sc-1'])
    } finally {
      await attacker.close()
      await fixture.close()
    }
  })
})
