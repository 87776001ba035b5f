import type { ConfiguredPasswordSource, RemotePasswordSource } from '../../contract/index.js'
import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SettingsError } from './load-settings.js'
import { tightenToOwnerOnly } from './owner-only-file.js'
import type { Settings } from './settings-schema.js'

/** The file in the data directory that keeps a generated password. */
export const generatedPasswordFileName = 'remote-action-password'

/** The password remote actions need, and where it came from. Never logged or printed. */
export interface RemotePassword {
  readonly password: string
  readonly source: RemotePasswordSource
  /** The file it was read from or kept in, if any. */
  readonly file?: string
}

/**
 * The remote-action password: the one set (`password`, or the first line of `passwordFile`),
 * else the one kept in `<dataDir>/remote-action-password`, made on first start (readable by
 * its owner only, like the browser-mode token). So a show never runs with remote actions
 * open, and the password never has to be typed on a projected command line.
 * @throws SettingsError when the password file cannot be read or is empty.
 */
export function resolveRemotePassword(
  settings: Pick<Settings, 'password' | 'passwordFile' | 'dataDir'>,
  configuredSource: ConfiguredPasswordSource = 'settings file',
): RemotePassword {
  if (settings.passwordFile !== undefined) {
    return {
      password: readPasswordFile(settings.passwordFile),
      source: 'password file',
      file: settings.passwordFile,
    }
  }
  if (settings.password !== undefined)
    return { password: settings.password, source: configuredSource }
  const file = join(settings.dataDir, generatedPasswordFileName)
  try {
    const stored = firstLine(readFileSync(file, 'utf8'))
    if (stored !== '') {
      // The core made it owner-only; a copy or a restore may have opened it since.
      tightenToOwnerOnly(file)
      return { password: stored, source: 'generated', file }
    }
  } catch {
    // None yet: make one below.
  }
  const password = randomBytes(18).toString('base64url')
  writeFileSync(file, `${password}\n`, { mode: 0o600 })
  // writeFileSync's mode only applies to a new file; an emptied old one is tightened too.
  chmodSync(file, 0o600)
  return { password, source: 'generated', file }
}

function readPasswordFile(path: string): string {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new SettingsError(`cannot read password file ${path}: ${(error as Error).message}`)
  }
  const password = firstLine(text)
  if (password === '') throw new SettingsError(`password file ${path} is empty`)
  return password
}

function firstLine(text: string): string {
  return (text.split(/\r?\n/, 1)[0] ?? '').trim()
}
