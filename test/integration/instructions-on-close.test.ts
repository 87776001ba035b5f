import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

describe('instructions pending when the core closes', () => {
  it('all get the "no answer" mark with one log line, and a late answer still lands', async () => {
    const dir = makeTempDir('close-pending')
    const settings = settingsSchema.parse({
      oscHost: '127.0.0.1',
      oscPort: 0,
      dataDir: dir.path,
      password: 'pw',
      answerTimeoutSeconds: 60,
    })
    // An instance that beacons and never answers.
    const instance = await OscTestClient.open()
    try {
      const first = await GencasterCore.start({ settings })
      await instance.send(first.oscAddress.port, '/beacon', [
        'name',
        'sc-3',
        'lang_port',
        instance.port,
      ])
      const point = await waitFor('the point', () => first.points.list()[0])
      const sent = await first.tracker.sendToMany([point, point, point], '1 + 1')
      expect(first.tracker.pendingCount()).toBe(3)
      await first.close()
      expect(first.tracker.pendingCount()).toBe(0)

      const second = await GencasterCore.start({ settings })
      try {
        for (const instruction of sent) {
          expect(second.tracker.get(instruction.uuid)?.noAnswerDate).not.toBeNull()
        }
        const closing = second.log.query({ text: 'had no answer' })
        expect(closing.map((entry) => entry.message)).toEqual([
          '3 instructions had no answer (Gencaster closed)',
        ])
        expect(second.log.query({ text: 'no answer from' })).toEqual([])
        // Nothing is left waiting: the next start has nothing to recover.
        expect(second.tracker.pendingCount()).toBe(0)

        const late = sent[0]!.uuid
        await instance.send(second.oscAddress.port, '/acknowledge', [
          ...['uuid', late, 'status', 'SUCCESS', 'return_value', '2'],
        ])
        const answered = await waitFor('the late answer', () => {
          const instruction = second.tracker.get(late)
          return instruction?.state === 'SUCCESS' ? instruction : undefined
        })
        expect(answered.returnValue).toBe('2')
      } finally {
        await second.close()
      }
    } finally {
      await instance.close()
      dir.remove()
    }
  }, 30_000)
})
