/**
 * The SQLite failures that come from the storage around the database (a full disk, an I/O
 * error, another program holding the write lock), not from the statement: the same write
 * succeeds later, so it waits instead of taking the process down.
 */
const storageCodes = [
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]

/** The SQLite code of an error (better-sqlite3's `SqliteError.code`, e.g. SQLITE_IOERR_WRITE). */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

/** Whether a write failed because of the storage (it can be retried), not because of the SQL. */
export function isStorageError(error: unknown): boolean {
  const code = sqliteCode(error)
  return (
    code !== undefined && storageCodes.some((base) => code === base || code.startsWith(`${base}_`))
  )
}

/** Another program holds the database's lock: every write waits for it, none succeeds meanwhile. */
export function isLockError(error: unknown): boolean {
  const code = sqliteCode(error) ?? ''
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
}

/** What a performer reads: "disk full", "database locked by another program", ... */
export function describeStorageError(error: unknown): string {
  const code = sqliteCode(error) ?? 'error'
  // The -shm file could not grow: on Linux that is a full disk too.
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_SHMSIZE') return 'disk full'
  if (isLockError(error)) return 'database locked by another program'
  if (code.startsWith('SQLITE_READONLY')) return `database is read-only (${code})`
  if (code.startsWith('SQLITE_CANTOPEN')) return `cannot open the database file (${code})`
  return `disk error (${code})`
}
