import type { Database } from 'better-sqlite3'
import { accessSync, constants, mkdirSync } from 'node:fs'
import { lockDataDirectory } from './data-directory-lock.js'
import { databasePath, openDatabase } from './open-database.js'
import { describeStorageError, isLockError, isStorageError, sqliteCode } from './storage-errors.js'

/** The data directory cannot be created, read or written. */
export class DataDirectoryError extends Error {
  override readonly name = 'DataDirectoryError'
}

/** A data directory taken by this process, with its open database. */
export interface OpenDataDirectory {
  readonly db: Database
  /**
   * Set when the database file could not be opened for a reason of the storage (a full disk):
   * the core then runs on a database in memory, nothing is saved, and this says why.
   */
  readonly unsaved: string | undefined
  /** Opened on a full disk with its lock kept (no -shm file): other SQLite tools cannot read it. */
  readonly exclusive: boolean
  /** Lets another Gencaster use the directory (after the database is closed). */
  readonly release: () => void
}

/**
 * Creates the data directory if needed, checks it is usable, locks it for this process before
 * anything in it is written, and opens its database.
 * @throws DataDirectoryError, DataDirectoryInUseError or DatabaseTooNewError.
 */
export function openDataDirectory(dataDir: string, nativeBinding?: string): OpenDataDirectory {
  try {
    mkdirSync(dataDir, { recursive: true })
    accessSync(dataDir, constants.R_OK | constants.W_OK)
  } catch (error) {
    throw new DataDirectoryError(
      `cannot use data directory ${dataDir} (${errorCode(error)}): choose another with --data-dir`,
    )
  }
  let release: () => void
  try {
    release = lockDataDirectory(dataDir)
  } catch (error) {
    if ((error as Error).name === 'DataDirectoryInUseError') throw error
    throw new DataDirectoryError(
      `cannot lock data directory ${dataDir} (${errorCode(error)}): choose another with --data-dir`,
    )
  }
  const file = databasePath(dataDir)
  let failure: unknown
  // A full disk must not keep the show from starting. Without room for the -shm file, the
  // database opens with its lock kept (writes then wait for space like any other failed write);
  // when even that fails (a new database, a migration), OSC, instructions and the UI work on a
  // database in memory, and the UI says loudly that nothing is saved.
  for (const exclusive of [false, true]) {
    try {
      const db = openDatabase({ file, nativeBinding, exclusive })
      return { db, unsaved: undefined, exclusive, release }
    } catch (error) {
      if (!isStorageError(error)) {
        release()
        throw unreadableDatabase(file, error) ?? error
      }
      // Only a full disk (or its I/O errors) is worth a show unsaved: a lock, a read-only or
      // unopenable file is said at once, so the performer can fix it before the show.
      if (isLockError(error) || /^SQLITE_(READONLY|CANTOPEN)/.test(sqliteCode(error) ?? '')) {
        release()
        throw new DataDirectoryError(
          `cannot open ${file}: ${describeStorageError(error)}; fix that and start again, or choose another --data-dir`,
        )
      }
      failure = error
    }
  }
  const unsaved = `cannot open ${file}: ${describeStorageError(failure)}; nothing is saved until Gencaster restarts with space on the disk`
  return {
    db: openDatabase({ file: ':memory:', nativeBinding }),
    unsaved,
    exclusive: false,
    release,
  }
}

/**
 * A file that SQLite cannot read as a database (another program's file, or damaged): said so
 * with what to do, instead of SQLite's bare "file is not a database".
 */
function unreadableDatabase(file: string, error: unknown): DataDirectoryError | undefined {
  const code = errorCode(error)
  if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') return undefined
  return new DataDirectoryError(
    `${file} is not a readable Gencaster database (${code}): move it away to start with an empty one, or choose another --data-dir`,
  )
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error'
}
