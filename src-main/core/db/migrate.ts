import type { Database } from 'better-sqlite3'
import type { Migration } from './migrations/migration.js'

/** The database was written by a newer Gencaster Desktop than this one. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError'
}

/**
 * Applies every pending migration in one transaction and records the version in
 * `PRAGMA user_version`: a failure leaves the database as it was.
 * @throws DatabaseTooNewError when the file's version is beyond the newest migration.
 */
export function migrate(db: Database, migrations: readonly Migration[], file: string): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new DatabaseTooNewError(
      `${file} has schema version ${current}, but this Gencaster Desktop only knows up to ` +
        `${latest}. Update Gencaster Desktop, or choose another data directory.`,
    )
  }
  const pending = migrations.filter((migration) => migration.version > current)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql)
      // user_version takes no bound parameter; the version is our own integer.
      db.pragma(`user_version = ${migration.version}`)
    }
  })()
  return latest
}
