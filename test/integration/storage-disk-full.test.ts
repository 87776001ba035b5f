import type { StorageHealth } from '../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { freeUdpPort, spawnHeadlessServe } from '../support/serve-process.js'
import { mountSmallFilesystem } from '../support/small-filesystem.js'
import { waitFor } from '../support/wait-for.js'

const disk = mountSmallFilesystem('2m')

function countRows(file: string, sql: string, ...params: unknown[]): number {
  const reader = new BetterSqlite3(file, { readonly: true })
  try {
    return (reader.prepare(sql).get(...params) as { n: number }).n
  } finally {
    reader.close()
  }
}

describe.skipIf(!disk)('a full disk (a real 2 MB tmpfs)', () => {
  const cores: CoreFixture[] = []
  afterAll(async () => {
    for (const core of cores) await core.close()
    disk?.unmount()
  })

  it('keeps OSC and the UI going, says why, and writes again once there is space', async () => {
    const dataDir = disk!.path
    const fixture = await startCore({ dataDir, answerTimeoutSeconds: 30 }, { storageRetryMs: 100 })
    cores.push(fixture)
    const { core } = fixture
    const file = join(dataDir, 'gencaster.sqlite')
    const health: StorageHealth[] = []
    core.events.on('storage-changed', (changed) => health.push(changed))
    const instance = await BeaconingInstance.open(fixture.oscPort)
    await instance.beacon('full-1')
    const point = await waitFor('the point', () => core.points.list()[0])

    disk!.fill()
    const dispatcher = core.dispatcher
    for (let n = 0; n < 50; n += 1) {
      await instance.beacon(`full-beacon-${n}`)
      // A long line: the WAL must grow, and there is no room.
      core.log.write({
        origin: 'supercollider',
        level: 20,
        message: `line ${n} ${'x'.repeat(2000)}`,
      })
    }
    const sent = await dispatcher.handle('sendCode', { code: '2+2', targets: [point.uuid] })
    expect(sent.ok).toBe(true)
    const uuid = await waitFor('the instruction on the wire', () => instance.instructions[0]?.uuid)
    await instance.ack(uuid, 'FINISHED', '4')
    await waitFor('degraded', () => (core.storage.health.state === 'degraded' ? true : undefined))
    await waitFor('the answer applied', () =>
      core.tracker.get(uuid)?.state === 'FINISHED' ? true : undefined,
    )
    expect(core.storage.health.reason).toBe('disk full')
    const snapshot = await dispatcher.handle('snapshot', {})
    if (!snapshot.ok) throw new Error(snapshot.error)
    expect((snapshot.value as { storage: StorageHealth }).storage).toMatchObject({
      state: 'degraded',
      reason: 'disk full',
    })
    expect(health.some((changed) => changed.state === 'degraded')).toBe(true)
    expect(
      countRows(file, 'SELECT COUNT(*) AS n FROM stream_instruction WHERE uuid = ?', uuid),
    ).toBe(0)

    disk!.free()
    await waitFor('writes resumed', () => (core.storage.health.state === 'ok' ? true : undefined))
    expect(health.at(-1)).toMatchObject({ state: 'ok' })
    expect(
      countRows(
        file,
        "SELECT COUNT(*) AS n FROM stream_instruction WHERE uuid = ? AND state = 'FINISHED'",
        uuid,
      ),
    ).toBe(1)
    expect(
      countRows(
        file,
        "SELECT COUNT(*) AS n FROM stream_point WHERE uuid = ? AND sc_name = 'full-beacon-49'",
        point.uuid,
      ),
    ).toBe(1)
    expect(
      countRows(file, "SELECT COUNT(*) AS n FROM stream_log WHERE message LIKE 'line 49 %'"),
    ).toBe(1)
    await instance.close()
    await fixture.close()
    cores.pop()
  })

  it('starts on a full disk with its database, and writes to it once there is space', async () => {
    const dataDir = disk!.path
    disk!.fill()
    const fixture = await startCore({ dataDir }, { storageRetryMs: 100 })
    cores.push(fixture)
    const { core } = fixture
    const instance = await BeaconingInstance.open(fixture.oscPort)
    await instance.beacon('full-start')
    await waitFor('the point', () =>
      core.points.list().find((point) => point.scName === 'full-start'),
    )
    await waitFor('degraded', () => (core.storage.health.state === 'degraded' ? true : undefined))
    expect(core.storage.health.reason).toBe('disk full')
    const snapshot = await core.dispatcher.handle('snapshot', {})
    expect(snapshot.ok && (snapshot.value as { storage: StorageHealth }).storage.state).toBe(
      'degraded',
    )
    disk!.free()
    await waitFor('writes resumed', () => (core.storage.health.state === 'ok' ? true : undefined))
    await instance.close()
    // Opened without room for its -shm file, the database keeps its lock until closed.
    await fixture.close()
    cores.pop()
    const file = join(dataDir, 'gencaster.sqlite')
    expect(
      countRows(file, "SELECT COUNT(*) AS n FROM stream_point WHERE sc_name = 'full-start'"),
    ).toBe(1)
  })

  it('starts on a full disk without a database: in memory, saying nothing is saved', async () => {
    disk!.fill()
    const dataDir = join(disk!.path, 'new')
    const fixture = await startCore({ dataDir }, { storageRetryMs: 100 })
    cores.push(fixture)
    const { core } = fixture
    expect(core.storage.health).toMatchObject({ state: 'degraded' })
    expect(core.storage.health.reason).toMatch(/nothing is saved/)
    const instance = await BeaconingInstance.open(fixture.oscPort)
    await instance.beacon('in-memory')
    await waitFor('the point', () =>
      core.points.list().find((point) => point.scName === 'in-memory'),
    )
    await instance.close()
    disk!.free()
  })

  it('does not crash-loop: killed on a full disk, it starts again and writes once there is space', async () => {
    const dataDir = join(disk!.path, 'crashed')
    const port = await freeUdpPort()
    const args = ['--osc-host', '127.0.0.1', '--osc-port', String(port), '--data-dir', dataDir]
    const instance = await BeaconingInstance.open(port)
    const first = spawnHeadlessServe(args)
    await first.until('OSC on udp://')
    await instance.beacon('before-full')
    await waitFor('the first beacon stored', () =>
      countRows(join(dataDir, 'gencaster.sqlite'), 'SELECT COUNT(*) AS n FROM stream_point') === 1
        ? true
        : undefined,
    )
    disk!.fill()
    await instance.beacon('while-full')
    await first.until('writes to the database paused: disk full')
    process.kill(first.corePid(), 'SIGKILL')
    await first.exited

    const second = spawnHeadlessServe(args)
    try {
      await second.until('OSC on udp://')
      await instance.beacon('after-restart')
      await second.until('writes to the database paused: disk full')
      await new Promise((done) => setTimeout(done, 500))
      expect(second.process.exitCode).toBe(null)
      disk!.free()
      await second.until('writes to the database resumed')
    } finally {
      second.process.kill('SIGTERM')
      await instance.close()
    }
    expect(await second.exited).toBe(0)
    const file = join(dataDir, 'gencaster.sqlite')
    expect(
      countRows(file, "SELECT COUNT(*) AS n FROM stream_point WHERE sc_name = 'after-restart'"),
    ).toBe(1)
  }, 60_000)
})
