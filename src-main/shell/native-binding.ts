import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 compiled for this Electron's ABI, made by scripts/start-electron.mjs next to
 * (not over) the Node build in node_modules that the tests use. Undefined when missing, so the
 * caller can say how to make it.
 */
export function electronSqliteBinding(
  appPath: string,
  electronVersion: string,
): string | undefined {
  const file = join(appPath, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  return existsSync(file) ? file : undefined
}
