import { logLevels } from '../../src-main/contract/index.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCore, type CoreFixture } from '../support/core-fixture.js'

describe('what a page load costs after a flood', () => {
  let fixture: CoreFixture
  beforeEach(async () => (fixture = await startCore()))
  afterEach(async () => fixture.close())

  it('keeps the snapshot, the log query and the history within a couple of megabytes', async () => {
    const { core } = fixture
    for (let index = 0; index < 400; index++) {
      core.log.write({
        origin: 'supercollider',
        level: logLevels.ERROR,
        name: 'flood',
        message: `${index} ${'z'.repeat(60_000)}`,
      })
    }
    const point = core.points.applyBeacon('127.0.0.1', { lang_port: 30_001, name: 'quiet' })
    for (let index = 0; index < 60; index++)
      core.tracker.send(point, `${index}${'c'.repeat(60_000)}`)
    const dispatcher = core.dispatcher
    const history = await dispatcher.handle('history', { limit: 500 })
    expect(history.ok).toBe(true)
    expect(JSON.stringify(history).length).toBeLessThan(2.5 * 1024 * 1024)
    const snapshot = await dispatcher.handle('snapshot', {})
    const logs = await dispatcher.handle('queryLogs', { limit: 5000 })
    expect(snapshot.ok && logs.ok).toBe(true)
    expect(JSON.stringify(snapshot).length).toBeLessThan(1.5 * 1024 * 1024)
    expect(JSON.stringify(logs).length).toBeLessThan(2.5 * 1024 * 1024)
    // Newest first, and never empty: the last line written is there.
    const lines = snapshot.ok ? (snapshot.value as { logs: { message: string }[] }).logs : []
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0]!.message.startsWith('399 ')).toBe(true)
  })
})
