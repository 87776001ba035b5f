import type { Database } from 'better-sqlite3'
import { accessSync, constants, mkdirSync } from 'node:fs'
import { databasePath, openDatabase } from './open-database.js'

/** The data directory cannot be created, read or written. */
export class DataDirectoryError extends Error {
  override readonly name = 'DataDirectoryError'
}

/** Creates the data directory if needed, checks it is usable, and opens its database. */
export function openDataDirectory(dataDir: string, nativeBinding?: string): Database {
  try {
    mkdirSync(dataDir, { recursive: true })
    accessSync(dataDir, constants.R_OK | constants.W_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DataDirectoryError(
      `cannot use data directory ${dataDir} (${code}): choose another with --data-dir`,
    )
  }
  return openDatabase({ file: databasePath(dataDir), nativeBinding })
}
