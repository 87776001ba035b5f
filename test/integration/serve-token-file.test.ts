import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startServe } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

describe("npm run serve and the data directory's browser-mode token file", () => {
  it('tightens a world-readable token file and says so in the terminal', async () => {
    const data = makeTempDir('serve-token')
    const file = join(data.path, 'browser-mode-token')
    const value = 'b'.repeat(32)
    writeFileSync(file, `${value}\n`)
    chmodSync(file, 0o644)
    const serve = await startServe(data.path)
    try {
      expect(new URL(serve.url).searchParams.get('token')).toBe(value)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(serve.output()).toContain(
        `browser-mode token file ${file} was readable by others (mode 0644): it is now owner-only (0600)`,
      )
    } finally {
      await serve.stop()
      data.remove()
    }
  }, 60_000)

  it('replaces a file without a valid token and says the link is new', async () => {
    const data = makeTempDir('serve-token')
    const file = join(data.path, 'browser-mode-token')
    writeFileSync(file, 'garbage', { mode: 0o600 })
    const serve = await startServe(data.path)
    try {
      const token = new URL(serve.url).searchParams.get('token')
      expect(readFileSync(file, 'utf8').trim()).toBe(token)
      expect(serve.output()).toContain(
        `browser-mode token file ${file} was not a valid token: a new link was made`,
      )
    } finally {
      await serve.stop()
      data.remove()
    }
  }, 60_000)
})
