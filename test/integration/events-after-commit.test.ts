import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { waitFor } from '../support/wait-for.js'

/**
 * A page must never see a state that a failed commit then loses: when an event reaches a
 * listener, another connection to the database already reads the row it announces.
 */
describe('events after commit', () => {
  it('announce OSC ingest and a fan-out only once another reader sees their rows', async () => {
    const fixture = await startCore()
    const reader = new BetterSqlite3(join(fixture.dataDir, 'gencaster.sqlite'), {
      readonly: true,
    })
    const logRow = reader.prepare('SELECT message FROM stream_log WHERE uuid = ?').pluck()
    const pointRow = reader.prepare('SELECT last_live FROM stream_point WHERE uuid = ?').pluck()
    const instructionRow = reader
      .prepare('SELECT state FROM stream_instruction WHERE uuid = ?')
      .pluck()
    const unseen: string[] = []
    const events = fixture.core.events
    events.on('log-added', (entry) => {
      if (logRow.get(entry.uuid) !== entry.message) unseen.push(`log ${entry.message}`)
    })
    events.on('point-changed', (point) => {
      if (pointRow.get(point.uuid) !== point.lastLive) unseen.push(`point ${point.uuid}`)
    })
    events.on('instruction-changed', (instruction) => {
      // One transaction creates the row and marks it SENT: both events come after it, and
      // the reader sees the later state.
      if (instructionRow.get(instruction.uuid) === undefined)
        unseen.push(`instruction ${instruction.state}`)
    })
    const instance = await BeaconingInstance.open(fixture.oscPort)
    const console = await OscTestClient.open()
    let heard = 0
    events.on('log-added', () => (heard += 1))
    try {
      await instance.beacon('sc-commit')
      await waitFor('the beacon', () =>
        fixture.core.points.list().length === 1 ? true : undefined,
      )
      for (let n = 0; n < 20; n += 1)
        await console.send(fixture.oscPort, '/log', ['level', 'INFO', 'message', `line ${n}`])
      await waitFor('20 log lines', () => (heard >= 20 ? true : undefined))
      const points = fixture.core.points.list()
      const sent = await fixture.core.tracker.sendToMany(points, '1 + 1')
      expect(sent).toHaveLength(1)
      expect(instructionRow.get(sent[0]?.uuid)).toBe('SENT')
      await waitFor('the instruction', () => instance.instructions[0])
      expect(unseen).toEqual([])
    } finally {
      reader.close()
      await instance.client.close()
      await console.close()
      await fixture.close()
    }
  })
})
