import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generatedPasswordFileName } from '../../src-main/core/config/remote-password.js'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import { databaseFileName } from '../../src-main/core/db/open-database.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { loadOrCreateSessionToken } from '../../src-main/headless/stored-session-token.js'
import { seededRandom } from '../support/seeded-random.js'
import { makeTempDir } from '../support/temp-dir.js'

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const cases = 300

/** Errors that carry a message for people; anything else escaping the start is a defect. */
const expectedErrors = new Set(['DataDirectoryError', 'SettingsError', 'DatabaseTooNewError'])

describe(`the data directory's own files, damaged (FUZZ_SEED=${seed})`, () => {
  it('either starts, or refuses with a message naming the file; never anything else', async () => {
    console.log(`data files fuzz: FUZZ_SEED=${seed}`)
    const random = seededRandom(seed)
    const bytes = (length: number, prefix = '') =>
      Buffer.concat([
        Buffer.from(prefix),
        Buffer.from(Array.from({ length }, () => Math.floor(random() * 256))),
      ])
    const damaged = (): Buffer => {
      const kind = Math.floor(random() * 5)
      if (kind === 0) return Buffer.alloc(0)
      if (kind === 1) return bytes(Math.floor(random() * 5000))
      if (kind === 2) return bytes(Math.floor(random() * 5000), 'SQLite format 3\0')
      if (kind === 3) return Buffer.from('\n\u001b[2J' + 'x'.repeat(Math.floor(random() * 300)))
      return bytes(Math.floor(random() * 40))
    }
    let started = 0
    for (let index = 0; index < cases; index++) {
      const dir = makeTempDir('data-files-fuzz')
      const files = [databaseFileName, 'browser-mode-token', generatedPasswordFileName]
      for (const file of files) if (random() < 0.6) writeFileSync(join(dir.path, file), damaged())
      try {
        const settings = settingsSchema.parse({
          dataDir: dir.path,
          oscHost: '127.0.0.1',
          oscPort: 0,
        })
        const core = await GencasterCore.start({ settings })
        const token = loadOrCreateSessionToken(dir.path)
        expect(token.value).toMatch(/^[\w-]{24,}$/)
        // A damaged password file is never used as the password: it is refused or replaced.
        expect(core.remotePassword.password?.length ?? 0).toBeGreaterThan(0)
        await core.close()
        started += 1
      } catch (error) {
        const name = error instanceof Error ? error.name : typeof error
        if (!expectedErrors.has(name)) {
          throw new Error(`case ${index} (FUZZ_SEED=${seed}): ${String(error)}`)
        }
        expect((error as Error).message).toContain(dir.path)
      } finally {
        dir.remove()
      }
    }
    expect(started).toBeGreaterThan(0)
  }, 120_000)

  it('refuses a database it cannot open at all, instead of running the show unsaved', async () => {
    const dir = makeTempDir('data-files-cantopen')
    try {
      // A folder where the file should be: SQLite cannot open it (SQLITE_CANTOPEN).
      mkdirSync(join(dir.path, databaseFileName))
      const settings = settingsSchema.parse({ dataDir: dir.path, oscHost: '127.0.0.1', oscPort: 0 })
      await expect(GencasterCore.start({ settings })).rejects.toThrow(
        `cannot open ${join(dir.path, databaseFileName)}: cannot open the database file`,
      )
    } finally {
      dir.remove()
    }
  })
})
