import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

describe('an instruction recovered at start', () => {
  it('names its point by sc_name (host:port) in the "no answer" line, as the live path does', async () => {
    const dir = makeTempDir('recovered-label')
    const settings = settingsSchema.parse({
      oscHost: '127.0.0.1',
      oscPort: 0,
      dataDir: dir.path,
      password: 'pw',
      answerTimeoutSeconds: 5,
    })
    // An instance that beacons and never answers.
    const instance = await OscTestClient.open()
    try {
      const first = await GencasterCore.start({ settings })
      await instance.send(first.oscAddress.port, '/beacon', [
        'name',
        'sc-7',
        'lang_port',
        instance.port,
      ])
      const point = await waitFor('the point', () => first.points.list()[0])
      const [sent] = await first.tracker.sendToMany([point], '1 + 1')
      // Closed well before the deadline, as a crash would: the instruction is left unfinished,
      // and the next start takes it up with the rest of its deadline.
      await first.close()
      const second = await GencasterCore.start({ settings })
      try {
        const line = await waitFor(
          'the no answer line',
          () => second.log.query({ text: 'no answer from' })[0],
          15_000,
        )
        expect(line.message).toMatch(
          new RegExp(
            `^no answer from sc-7 \\(127\\.0\\.0\\.1:${instance.port}\\) for instruction ${sent!.uuid} `,
          ),
        )
      } finally {
        await second.close()
      }
    } finally {
      await instance.close()
      dir.remove()
    }
  }, 30_000)
})
