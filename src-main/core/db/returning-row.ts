import type { Statement } from 'better-sqlite3'

/**
 * The row an `INSERT/UPDATE ... RETURNING` statement gives back. Such a statement must be run to
 * completion: better-sqlite3's `.get()` stops after the first row, and that unfinished statement
 * kept the WAL from ever restarting (it grew past 1 GB in the ingest benchmark and made every
 * later write several times slower). `.all()` runs it to the end.
 */
export function returningRow<Row>(
  statement: Statement,
  parameters: Record<string, unknown>,
): Row | undefined {
  return statement.all(parameters)[0] as Row | undefined
}
