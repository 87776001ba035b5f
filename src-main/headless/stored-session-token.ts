import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SessionToken } from './session-token.js'

const fileName = 'browser-mode-token'

/**
 * The browser-mode token of a data directory, made once and kept (readable by its owner only),
 * so a tablet's bookmarked link keeps working when the core restarts mid-show. Deleting the
 * file gives the next start a new token.
 */
export function loadOrCreateSessionToken(dataDir: string): SessionToken {
  const file = join(dataDir, fileName)
  try {
    const stored = readFileSync(file, 'utf8').trim()
    if (/^[\w-]{24,}$/.test(stored)) return new SessionToken(stored)
  } catch {
    // No token yet: make one below.
  }
  const token = new SessionToken()
  writeFileSync(file, `${token.value}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return token
}
