import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { octalMode, tightenToOwnerOnly } from '../core/config/owner-only-file.js'
import { SessionToken } from './session-token.js'

const fileName = 'browser-mode-token'

/**
 * The browser-mode token of a data directory, made once and kept (readable by its owner only),
 * so a tablet's bookmarked link keeps working when the core restarts mid-show. Deleting the
 * file gives the next start a new token. A kept file readable by others is tightened to 0600,
 * and a file that holds no valid token is replaced; `say` tells the terminal either way, since
 * both change what the performer knows (who could read the link; that the old link is dead).
 */
export function loadOrCreateSessionToken(
  dataDir: string,
  say: (line: string) => void = (line) => console.warn(line),
  /** Told when the token is new (a new link): the only time it is worth printing. */
  onNew: () => void = () => {},
): SessionToken {
  const file = sessionTokenFile(dataDir)
  let stored: string | undefined
  try {
    stored = readFileSync(file, 'utf8').trim()
  } catch (error) {
    // No file yet is the first start; any other failure is a file that is there but unusable.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') stored = ''
  }
  if (stored !== undefined && /^[\w-]{24,}$/.test(stored)) {
    const was = tightenToOwnerOnly(file)
    if (was !== undefined) {
      say(
        `browser-mode token file ${file} was readable by others (mode ${octalMode(was)}): ` +
          'it is now owner-only (0600); anyone who read it could open the control room',
      )
    }
    return new SessionToken(stored)
  }
  if (stored !== undefined) {
    say(`browser-mode token file ${file} was not a valid token: a new link was made`)
  }
  const token = new SessionToken()
  writeFileSync(file, `${token.value}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  onNew()
  return token
}

/** Where a data directory keeps its browser-mode token. */
export function sessionTokenFile(dataDir: string): string {
  return join(dataDir, fileName)
}
