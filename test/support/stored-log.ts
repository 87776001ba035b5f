import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'

/** The stored log messages of a data directory that match a LIKE pattern, oldest first. */
export function storedLogMessages(dataDir: string, like: string): string[] {
  const db = new BetterSqlite3(join(dataDir, 'gencaster.sqlite'), { readonly: true })
  try {
    return db
      .prepare('SELECT message FROM stream_log WHERE message LIKE ? ORDER BY rowid')
      .pluck()
      .all(like) as string[]
  } finally {
    db.close()
  }
}
