import type { StorageHealth } from '../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { waitFor } from '../support/wait-for.js'

/** The README invites opening the file in any SQLite tool: here one holds the write lock. */
describe('a database locked by another program', () => {
  let fixture: CoreFixture | undefined
  let other: BetterSqlite3.Database | undefined
  afterEach(async () => {
    other?.close()
    await fixture?.close()
  })

  it('keeps serving without blocking, says so, and writes what arrived once released', async () => {
    fixture = await startCore({ answerTimeoutSeconds: 30 }, { storageRetryMs: 100 })
    const { core } = fixture
    const file = join(fixture.dataDir, 'gencaster.sqlite')
    const health: StorageHealth[] = []
    core.events.on('storage-changed', (changed) => health.push(changed))
    const instance = await BeaconingInstance.open(fixture.oscPort)
    await instance.beacon('locked-1')
    const point = await waitFor('the point', () => core.points.list()[0])

    other = new BetterSqlite3(file)
    other.exec('BEGIN IMMEDIATE')
    other.prepare("UPDATE stream_point SET sc_name = 'held' WHERE uuid = ?").run(point.uuid)

    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    for (let n = 0; n < 20; n += 1) {
      await instance.beacon(`beacon-${n}`)
      await new Promise((done) => setTimeout(done, 25))
    }
    // An instruction from the UI, and its answer over OSC, while nothing can be written.
    const dispatcher = core.dispatcher
    const sent = await dispatcher.handle('sendCode', { code: '1+1', targets: [point.uuid] })
    expect(sent.ok).toBe(true)
    const uuid = await waitFor('the instruction on the wire', () => instance.instructions[0]?.uuid)
    await instance.ack(uuid, 'FINISHED', '2')
    await waitFor('the answer applied', () =>
      core.tracker.get(uuid)?.state === 'FINISHED' ? true : undefined,
    )
    delay.disable()
    // Today one beacon blocked 5 s in busy_timeout and then SQLITE_BUSY ended the process.
    expect(delay.max / 1e6).toBeLessThan(1000)
    expect(core.storage.health.state).toBe('degraded')
    expect(core.storage.health.reason).toBe('database locked by another program')
    expect(health[0]).toMatchObject({ state: 'degraded' })
    // The UI's snapshot says so, and still shows the newest beacon.
    const snapshot = await dispatcher.handle('snapshot', {})
    if (!snapshot.ok) throw new Error(snapshot.error)
    const value = snapshot.value as {
      storage: StorageHealth
      points: { uuid: string; scName: string | null }[]
    }
    expect(value.storage.state).toBe('degraded')
    expect(value.storage.waiting).toBeGreaterThan(0)
    expect(value.points.find((p) => p.uuid === point.uuid)?.scName).toBe('beacon-19')

    other.exec('ROLLBACK')
    await waitFor('writes resumed', () => (core.storage.health.state === 'ok' ? true : undefined))
    expect(health.at(-1)).toMatchObject({ state: 'ok' })
    const row = other
      .prepare('SELECT sc_name FROM stream_point WHERE uuid = ?')
      .get(point.uuid) as { sc_name: string }
    expect(row.sc_name).toBe('beacon-19')
    const instruction = other
      .prepare('SELECT state, return_value FROM stream_instruction WHERE uuid = ?')
      .get(uuid) as { state: string; return_value: string }
    expect(instruction).toEqual({ state: 'FINISHED', return_value: '2' })
    const paused = other
      .prepare(
        "SELECT COUNT(*) AS n FROM stream_log WHERE message LIKE 'writes to the database paused%'",
      )
      .get() as { n: number }
    expect(paused.n).toBe(1)
    await instance.close()
  })
})
