import type { StorageHealth } from '../../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src-main/core/db/open-database.js'
import { StorageWriter } from '../../../src-main/core/db/storage-writer.js'
import { makeTempDir } from '../../support/temp-dir.js'
import { waitFor } from '../../support/wait-for.js'

describe('the StorageWriter on a real database that another connection locks', () => {
  let dir: ReturnType<typeof makeTempDir>
  let db: BetterSqlite3.Database
  let other: BetterSqlite3.Database
  beforeEach(() => {
    dir = makeTempDir('writer')
    const file = join(dir.path, 'gencaster.sqlite')
    db = openDatabase({ file })
    db.exec('CREATE TABLE note (key TEXT, value TEXT)')
    other = new BetterSqlite3(file)
  })
  afterEach(() => {
    other.close()
    db.close()
    dir.remove()
  })

  it('keeps what must be kept, coalesces keyed writes, drops log lines first and counts them', async () => {
    const health: StorageHealth[] = []
    const writer = new StorageWriter({
      db,
      retryIntervalMs: 20,
      maxWaiting: 10,
      onHealthChanged: (changed) => health.push(changed),
    })
    const insert = db.prepare('INSERT INTO note (key, value) VALUES (?, ?)')
    other.exec('BEGIN IMMEDIATE')
    writer.batch(() => {
      for (let n = 0; n < 5; n += 1) writer.write({ apply: () => insert.run('answer', `${n}`) })
    })
    for (let n = 0; n < 30; n += 1)
      writer.write({ droppable: true, apply: () => insert.run('log', `${n}`) })
    for (let n = 0; n < 30; n += 1)
      writer.write({ key: 'beacon', apply: () => insert.run('beacon', `${n}`) })
    expect(writer.health).toMatchObject({
      state: 'degraded',
      reason: 'database locked by another program',
    })
    expect(writer.health.waiting).toBeLessThanOrEqual(11)
    expect(writer.health.dropped).toBeGreaterThan(0)
    await new Promise((done) => setTimeout(done, 100))
    expect(writer.health.state).toBe('degraded')

    other.exec('ROLLBACK')
    await waitFor('recovery', () => (writer.health.state === 'ok' ? true : undefined))
    const rows = (key: string) =>
      other.prepare('SELECT value FROM note WHERE key = ? ORDER BY rowid').pluck().all(key)
    expect(rows('answer')).toEqual(['0', '1', '2', '3', '4'])
    // Last one wins: one row for thirty beacons.
    expect(rows('beacon')).toEqual(['29'])
    // The newest lines are kept; what was dropped was counted and reported with the recovery.
    const dropped = health.at(-1)!.dropped
    expect(dropped).toBeGreaterThan(0)
    expect(rows('log')).toHaveLength(30 - dropped)
    expect(rows('log').at(-1)).toBe('29')
    expect(health[0]!.state).toBe('degraded')
    expect(health.at(-1)!.state).toBe('ok')
    writer.close()
  })

  it('throws a StorageUnavailableError saying why for a write that needs its result now', () => {
    const writer = new StorageWriter({ db })
    other.exec('BEGIN IMMEDIATE')
    expect(() =>
      writer.run(() => db.prepare("INSERT INTO note VALUES ('doc', 'x')").run()),
    ).toThrow('not saved: database locked by another program')
    expect(writer.health.state).toBe('degraded')
    other.exec('ROLLBACK')
    writer.close()
    expect(writer.health.state).toBe('ok')
  })

  it('fails one write too large for a full disk alone: the others go on, and no false recovery', async () => {
    const health: StorageHealth[] = []
    const writer = new StorageWriter({
      db,
      retryIntervalMs: 20,
      onHealthChanged: (changed) => health.push(changed),
    })
    // The database may not grow (a full disk, as SQLite sees it): a large text no longer fits.
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages + 1}`)
    expect(() =>
      writer.run(() => db.prepare("INSERT INTO note VALUES ('doc', ?)").run('x'.repeat(200_000))),
    ).toThrow('not saved: disk full')
    // A small write still fits, and nothing says the storage failed or came back.
    writer.write({ apply: () => db.prepare("INSERT INTO note VALUES ('beacon', 'b')").run() })
    await new Promise((done) => setTimeout(done, 100))
    expect(writer.health.state).toBe('ok')
    expect(health).toEqual([])
    writer.close()
  })

  it('writes what waits before a write that needs its result now (it may build on it)', () => {
    const writer = new StorageWriter({ db, retryIntervalMs: 60_000 })
    other.exec('BEGIN IMMEDIATE')
    writer.write({ apply: () => db.prepare("INSERT INTO note VALUES ('point', 'p')").run() })
    expect(writer.health.state).toBe('degraded')
    // Still locked: the write that needs its result now says why, and does not jump the queue.
    expect(() => writer.run(() => db.prepare("INSERT INTO note VALUES ('x', 'y')").run())).toThrow(
      'not saved: database locked by another program',
    )
    other.exec('ROLLBACK')
    // Released, before the retry's timer: the point is written first, then the stream on it.
    const seen = writer.run(
      () => db.prepare("SELECT COUNT(*) AS n FROM note WHERE key = 'point'").get() as { n: number },
    )
    expect(seen.n).toBe(1)
    expect(writer.health.state).toBe('ok')
    writer.close()
  })
})
