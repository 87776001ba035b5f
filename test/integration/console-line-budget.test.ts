import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeOscMessage } from '../../src-main/core/osc/osc-codec.js'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { waitFor } from '../support/wait-for.js'

/** One datagram: an OSC bundle of valid `/log` lines numbered from `first`. */
function logBundle(first: number, count: number): Buffer {
  const elements: Buffer[] = [Buffer.from('#bundle\0'), Buffer.alloc(8)]
  for (let n = first; n < first + count; n += 1) {
    const message = Buffer.from(
      encodeOscMessage('/log', [
        { type: 's', value: 'level' },
        { type: 's', value: 'INFO' },
        { type: 's', value: 'message' },
        { type: 's', value: `runaway ${n}` },
        { type: 's', value: 'name' },
        { type: 's', value: 'sc-3' },
      ]),
    )
    const length = Buffer.alloc(4)
    length.writeInt32BE(message.length)
    elements.push(length, message)
  }
  return Buffer.concat(elements)
}

function stored(dataDir: string, like: string): string[] {
  const db = new BetterSqlite3(join(dataDir, 'gencaster.sqlite'), { readonly: true })
  const rows = db
    .prepare('SELECT message FROM stream_log WHERE message LIKE ? ORDER BY rowid')
    .pluck()
    .all(like) as string[]
  db.close()
  return rows
}

describe('the console line budget', () => {
  it("stores a runaway sender's first lines and one summary, and every line of another", async () => {
    const fixture = await startCore({ logRetentionRows: 100_000 })
    const runaway = await OscTestClient.open()
    const other = await OscTestClient.open()
    const runawayPort = runaway.port
    try {
      // 10,000 lines in 20 bundles of 500; the other instance's line after each paces them.
      for (let bundle = 0; bundle < 20; bundle += 1) {
        await runaway.sendRaw(fixture.oscPort, logBundle(bundle * 500, 500))
        await other.send(fixture.oscPort, '/log', ['level', 'INFO', 'message', `other ${bundle}`])
        await waitFor(
          `the other line ${bundle}`,
          () => fixture.core.log.query({ text: `other ${bundle}` })[0],
          30_000,
        )
      }
    } finally {
      await runaway.close()
      await other.close()
      await fixture.core.close()
    }
    const kept = stored(fixture.dataDir, 'runaway %')
    expect(kept[199]).toBe('runaway 199')
    expect(stored(fixture.dataDir, 'other %')).toHaveLength(20)
    // Written when a window ends (here at close); each counts the lines it did not store. The
    // run takes about a second: a second window only opens on a machine ten times slower.
    const summaries = stored(fixture.dataDir, '%further console lines%')
    expect(summaries.length).toBeGreaterThanOrEqual(1)
    expect(kept.length).toBeLessThanOrEqual(200 * (summaries.length + 1))
    const notStored = summaries.map((summary) => {
      const match = new RegExp(
        `^([\\d,]+) further console lines from sc-3 \\(127\\.0\\.0\\.1:${runawayPort}\\) not stored in 10 s$`,
      ).exec(summary)
      expect(match, summary).not.toBeNull()
      return Number(match?.[1]?.replaceAll(',', ''))
    })
    expect(kept.length + notStored.reduce((sum, n) => sum + n, 0)).toBe(10_000)
    await fixture.close()
  }, 60_000)
})
