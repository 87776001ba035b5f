import BetterSqlite3 from 'better-sqlite3'
import { chmodSync, existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { startCore } from '../support/core-fixture.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

const files = ['gencaster.sqlite', 'gencaster.sqlite-wal', 'gencaster.sqlite-shm']

function modes(dataDir: string): Record<string, number> {
  return Object.fromEntries(files.map((name) => [name, statSync(join(dataDir, name)).mode & 0o777]))
}
const ownerOnly = Object.fromEntries(files.map((name) => [name, 0o600]))

describe('the database files', () => {
  it('are readable by their owner only, -wal and -shm included, once written', async () => {
    const previous = process.umask(0o022)
    try {
      const fixture = await startCore()
      const instance = await BeaconingInstance.open(fixture.oscPort)
      await instance.beacon('perm')
      await waitFor('the point', () => fixture.core.points.list()[0])
      expect(files.every((name) => existsSync(join(fixture.dataDir, name)))).toBe(true)
      expect(modes(fixture.dataDir)).toEqual(ownerOnly)
      await instance.close()
      await fixture.close()
    } finally {
      process.umask(previous)
    }
  })

  it('are made owner-only when an older version left them readable by everyone', async () => {
    const dir = makeTempDir('perm')
    const file = join(dir.path, 'gencaster.sqlite')
    // A database as an older version left it after a crash: all three files, mode 0644.
    const old = new BetterSqlite3(file)
    old.pragma('journal_mode = WAL')
    old.exec('CREATE TABLE t (x)')
    for (const name of files) chmodSync(join(dir.path, name), 0o644)
    const fixture = await startCore({ dataDir: dir.path })
    expect(modes(dir.path)).toEqual(ownerOnly)
    await fixture.close()
    old.close()
    dir.remove()
  })
})
