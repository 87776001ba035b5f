import { chmodSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SettingsError } from '../../../src-main/core/config/load-settings.js'
import { resolveRemotePassword } from '../../../src-main/core/config/remote-password.js'
import { makeTempDir } from '../../support/temp-dir.js'

describe('resolveRemotePassword', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir('remote-password')))
  afterEach(() => dir.remove())

  it('uses the password set, and says where it came from', () => {
    expect(resolveRemotePassword({ password: 'p', dataDir: dir.path }, 'environment')).toEqual({
      password: 'p',
      source: 'environment',
    })
  })

  it("reads a password file's first line and refuses an empty or missing one", () => {
    const file = join(dir.path, 'pw')
    writeFileSync(file, '  s3cret  \nsecond line\n')
    expect(resolveRemotePassword({ passwordFile: file, dataDir: dir.path })).toEqual({
      password: 's3cret',
      source: 'password file',
      file,
    })
    writeFileSync(file, '\n')
    expect(() => resolveRemotePassword({ passwordFile: file, dataDir: dir.path })).toThrow(
      `password file ${file} is empty`,
    )
    expect(() =>
      resolveRemotePassword({ passwordFile: join(dir.path, 'none'), dataDir: dir.path }),
    ).toThrow(SettingsError)
  })

  it('makes one when none is set, owner-only, and keeps it; an emptied file gets a new one', () => {
    const made = resolveRemotePassword({ dataDir: dir.path })
    const file = join(dir.path, 'remote-action-password')
    expect(made).toMatchObject({ source: 'generated', file })
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(resolveRemotePassword({ dataDir: dir.path }).password).toBe(made.password)
    writeFileSync(file, '')
    const fresh = resolveRemotePassword({ dataDir: dir.path })
    expect(fresh.password).not.toBe(made.password)
    expect(fresh.password.length).toBeGreaterThanOrEqual(24)
  })

  it('tightens a kept generated password file that became readable by others to 0600', () => {
    const made = resolveRemotePassword({ dataDir: dir.path })
    const file = join(dir.path, 'remote-action-password')
    chmodSync(file, 0o644)
    expect(resolveRemotePassword({ dataDir: dir.path }).password).toBe(made.password)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })
})
