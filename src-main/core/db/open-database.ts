import BetterSqlite3, { type Database } from 'better-sqlite3'
import { chmodSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrate.js'
import { migrations as allMigrations } from './migrations/index.js'
import type { Migration } from './migrations/migration.js'

/** The one state file of a data directory. */
export const databaseFileName = 'gencaster.sqlite'

export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or ':memory:'. */
  readonly file: string
  /**
   * The compiled better-sqlite3 addon to load. Electron needs its own ABI build, kept apart from
   * the Node build that `npm ci` makes for the tests (see scripts/start-electron.mjs).
   */
  readonly nativeBinding?: string | undefined
  /**
   * Keeps the lock for this connection alone. SQLite then keeps the WAL index in memory instead
   * of the -shm file, which it cannot create on a full disk.
   */
  readonly exclusive?: boolean
  /** Only tests pass this, to stop at an older schema. */
  readonly migrations?: readonly Migration[]
}

/** Opens (creating if needed) and migrates the database: WAL, foreign keys on. */
export function openDatabase(options: OpenDatabaseOptions): Database {
  const db = new BetterSqlite3(
    options.file,
    options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding },
  )
  try {
    if (options.file !== ':memory:') ownerOnly(options.file)
    if (options.exclusive) db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('journal_mode = WAL')
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the
    // last transactions, and it keeps beacon ingest fast.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // Another program holding the write lock must never stall the event loop (5 s did, then
    // crashed): a write finds it busy at once and the StorageWriter retries it later.
    db.pragma('busy_timeout = 20')
    migrate(db, options.migrations ?? allMigrations, options.file)
    if (options.file !== ':memory:') ownerOnly(options.file)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** The database file inside a data directory. */
export function databasePath(dataDir: string): string {
  return join(dataDir, databaseFileName)
}

/**
 * The database holds the performance's code and documents: owner-only, like the token file.
 * SQLite gives the -wal and -shm files it makes later the mode of the database file; the ones
 * an older version left are set here too.
 */
function ownerOnly(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(path)) chmodSync(path, 0o600)
  }
}
