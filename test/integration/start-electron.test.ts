import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const electronInstalled = existsSync(join(root, 'node_modules/electron/path.txt'))
if (electronInstalled)
  console.log('start-electron: Electron is installed here, so its missing-binary path cannot run')

describe.skipIf(electronInstalled)('npm start without the Electron binary', () => {
  it('says the download failed, names browser mode and exits 1', () => {
    // The download goes to a closed port on 127.0.0.1 and fails at once, like a machine
    // without access to Electron's releases.
    const result = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/' },
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/Electron [\d.]+ could not be downloaded on this machine/)
    expect(result.stderr).toContain('npm run serve -- --http-port')
    expect(existsSync(join(root, 'node_modules/electron/path.txt'))).toBe(false)
  })
})
