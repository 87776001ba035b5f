import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateSessionToken } from '../../../src-main/headless/stored-session-token.js'
import { makeTempDir } from '../../support/temp-dir.js'

describe('loadOrCreateSessionToken', () => {
  let dir: ReturnType<typeof makeTempDir>
  let file: string
  let said: string[]
  const say = (line: string) => said.push(line)
  beforeEach(() => {
    dir = makeTempDir('session-token')
    file = join(dir.path, 'browser-mode-token')
    said = []
  })
  afterEach(() => dir.remove())

  it('makes an owner-only token on the first start without a word, and keeps it', () => {
    const made = loadOrCreateSessionToken(dir.path, say)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrCreateSessionToken(dir.path, say).value).toBe(made.value)
    expect(said).toEqual([])
  })

  it('tightens a world-readable token file to 0600 and says so, keeping the token', () => {
    const value = 'a'.repeat(32)
    writeFileSync(file, `${value}\n`)
    chmodSync(file, 0o644)
    expect(loadOrCreateSessionToken(dir.path, say).value).toBe(value)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(said).toEqual([
      `browser-mode token file ${file} was readable by others (mode 0644): it is now owner-only (0600); anyone who read it could open the control room`,
    ])
  })

  it('replaces a file that holds no valid token and says a new link was made', () => {
    writeFileSync(file, 'not a token\n', { mode: 0o600 })
    const made = loadOrCreateSessionToken(dir.path, say)
    expect(made.value).toMatch(/^[\w-]{24,}$/)
    expect(readFileSync(file, 'utf8').trim()).toBe(made.value)
    expect(said).toEqual([
      `browser-mode token file ${file} was not a valid token: a new link was made`,
    ])
  })
})
