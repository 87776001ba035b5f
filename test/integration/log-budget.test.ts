import { logLevels } from '../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startCore } from '../support/core-fixture.js'

function storedBytes(dataDir: string, name?: string): { rows: number; bytes: number } {
  const db = new BetterSqlite3(join(dataDir, 'gencaster.sqlite'), { readonly: true })
  const row = db
    .prepare(
      `SELECT count(*) AS rows, COALESCE(SUM(length(CAST(message AS BLOB))), 0) AS bytes
       FROM stream_log WHERE (@name IS NULL OR name = @name)`,
    )
    .get({ name: name ?? null }) as { rows: number; bytes: number }
  db.close()
  return row
}

describe('the log budget', () => {
  it("gives the OSC server's rejections their own small budget, pruned first", async () => {
    const fixture = await startCore({ logRetentionRows: 1000 })
    const { log } = fixture.core
    try {
      log.write({ origin: 'supercollider', level: logLevels.INFO, name: 'sc-1', message: 'show' })
      for (let n = 0; n < 5000; n += 1) {
        log.write({
          origin: 'supercollider',
          level: logLevels.ERROR,
          name: 'osc_server',
          message: `rejected /x${n} from 10.0.${n >> 8}.${n & 255}:1: unknown route`,
        })
      }
      expect(log.query({ text: 'show' })).toHaveLength(1)
      // A tenth of the rows, plus what is written between two prunes.
      expect(storedBytes(fixture.dataDir, 'osc_server').rows).toBeLessThanOrEqual(200)
      expect(log.query({ limit: 1 })[0]?.message).toContain('/x4999 ')
    } finally {
      await fixture.close()
    }
  })

  it('keeps the table within its byte bound however long the lines are', async () => {
    const fixture = await startCore({ logRetentionBytes: 1024 * 1024 })
    const { log } = fixture.core
    try {
      for (let n = 0; n < 1000; n += 1) {
        log.write({
          origin: 'supercollider',
          level: logLevels.INFO,
          message: `${n} ${'x'.repeat(8000)}`,
        })
      }
      const { bytes, rows } = storedBytes(fixture.dataDir)
      expect(bytes).toBeLessThanOrEqual(1.2 * 1024 * 1024)
      expect(rows).toBeGreaterThanOrEqual(100)
      expect(log.query({ limit: 1 })[0]?.message.startsWith('999 ')).toBe(true)
    } finally {
      await fixture.close()
    }
  })
})
