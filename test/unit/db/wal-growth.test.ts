import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRepositories } from '../../../src-main/core/db/repositories/index.js'
import { openDatabase } from '../../../src-main/core/db/open-database.js'
import { StorageWriter } from '../../../src-main/core/db/storage-writer.js'
import { makeStreamPoint } from '../../support/stream-point-fixture.js'
import { makeTempDir } from '../../support/temp-dir.js'

describe('the write-ahead log', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir('wal')))
  afterEach(() => dir.remove())

  it('keeps restarting under many RETURNING writes (an unfinished statement would pin it)', () => {
    const db = openDatabase({ file: join(dir.path, 'gencaster.sqlite') })
    const repositories = createRepositories(db, new StorageWriter({ db }))
    const point = repositories.streamPoints.upsertFromBeacon(
      makeStreamPoint({ host: 'h', port: 1, scName: 'wal' }),
      '2026-01-01T00:00:00.000Z',
    )
    for (let n = 0; n < 3000; n += 1) {
      const instruction = repositories.instructions.create({
        streamPoint: point.uuid,
        instructionText: `${n}`,
        manualFinish: false,
        nowIso: 'now',
      })
      repositories.instructions.save({ ...instruction, state: 'SENT', sentDate: 'now' })
      repositories.logs.add({ origin: 'supercollider', level: 20, message: `${n}` }, 'now')
    }
    const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[]
    // With the bug, the log held every frame ever written (about 4 per write here).
    expect(checkpoint!.log).toBeLessThan(2000)
    db.close()
  })
})
