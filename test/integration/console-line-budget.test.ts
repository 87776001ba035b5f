import { describe, expect, it } from 'vitest'
import { encodeOscMessage } from '../../src-main/core/osc/osc-codec.js'
import { startCore } from '../support/core-fixture.js'
import { encodeOscBundle } from '../support/osc-bundle.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { storedLogMessages } from '../support/stored-log.js'
import { waitFor } from '../support/wait-for.js'

/** One datagram: an OSC bundle of valid `/log` lines numbered from `first`. */
function logBundle(first: number, count: number): Buffer {
  return encodeOscBundle(
    Array.from({ length: count }, (_, index) =>
      encodeOscMessage('/log', [
        { type: 's', value: 'level' },
        { type: 's', value: 'INFO' },
        { type: 's', value: 'message' },
        { type: 's', value: `runaway ${first + index}` },
        { type: 's', value: 'name' },
        { type: 's', value: 'sc-3' },
      ]),
    ),
  )
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
    const kept = storedLogMessages(fixture.dataDir, 'runaway %')
    expect(kept[199]).toBe('runaway 199')
    expect(storedLogMessages(fixture.dataDir, 'other %')).toHaveLength(20)
    // Written when a window ends (here at close); each counts the lines it did not store. The
    // run takes about a second: a second window only opens on a machine ten times slower.
    const summaries = storedLogMessages(fixture.dataDir, '%further console lines%')
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
