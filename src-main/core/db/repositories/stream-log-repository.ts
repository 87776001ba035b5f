import type { LogLevel, LogOrigin, StreamLogEntry } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { likeSubstring } from '../like-pattern.js'
import type { StorageWriter } from '../storage-writer.js'
import type { NewLogEntry } from '../../logs/new-log-entry.js'

/** What one row costs on disk, roughly: its texts plus uuids, dates and index entries. */
export const rowOverheadBytes = 200
const approximateRowBytes = `length(CAST(message AS BLOB)) + length(CAST(COALESCE(name, '') AS BLOB)) + ${rowOverheadBytes}`

interface StreamLogRow {
  uuid: string
  created_date: string
  modified_date: string
  stream_point: string | null
  stream: string | null
  origin: LogOrigin
  level: LogLevel
  message: string
  name: string | null
}

function toLogEntry(row: StreamLogRow): StreamLogEntry {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    streamPoint: row.stream_point,
    stream: row.stream,
    origin: row.origin,
    level: row.level,
    message: row.message,
    name: row.name,
  }
}

/** Filters for a log query; every one is optional and they combine with AND. */
export interface LogQuery {
  readonly streamPoint?: string | undefined
  readonly stream?: string | undefined
  /** Lines at this level or above. */
  readonly minLevel?: LogLevel | undefined
  readonly origin?: LogOrigin | undefined
  /** Case-insensitive substring of the message. */
  readonly text?: string | undefined
  readonly limit?: number | undefined
}

/** How many lines, and their approximate bytes on disk (texts plus a fixed allowance a row). */
export interface LogSize {
  readonly rows: number
  readonly bytes: number
}

/** The size of every line and of the lines with one name (`measure`, `deleteOldest`). */
export interface LogSizes {
  readonly all: LogSize
  readonly named: LogSize
}

/** What a stored line costs, counted as `measure` counts it. */
export function approximateBytes(entry: Pick<StreamLogEntry, 'message' | 'name'>): number {
  return (
    Buffer.byteLength(entry.message, 'utf8') +
    Buffer.byteLength(entry.name ?? '', 'utf8') +
    rowOverheadBytes
  )
}

/** The `stream_log` table. */
export class StreamLogRepository {
  private readonly insert: Statement
  private readonly search: Statement
  private readonly measureAll: Statement
  private readonly deleteOldestRows: Statement

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.insert = db.prepare(`
      INSERT INTO stream_log (uuid, created_date, modified_date, stream_point, stream, origin,
        level, message, name)
      VALUES (@uuid, @createdDate, @modifiedDate, @streamPoint, @stream, @origin, @level,
        @message, @name)`)
    // One statement for every filter combination: a NULL parameter switches its filter off.
    this.search = db.prepare(`
      SELECT * FROM stream_log
      WHERE (@streamPoint IS NULL OR stream_point = @streamPoint)
        AND (@stream IS NULL OR stream = @stream)
        AND (@minLevel IS NULL OR level >= @minLevel)
        AND (@origin IS NULL OR origin = @origin)
        AND (@text IS NULL OR message LIKE '%' || @text || '%' ESCAPE '\\')
      ORDER BY created_date DESC, rowid DESC
      LIMIT @limit`)
    this.measureAll = db.prepare(`
      SELECT count(*) AS rows, COALESCE(SUM(${approximateRowBytes}), 0) AS bytes,
        COALESCE(SUM(name = @name), 0) AS namedRows,
        COALESCE(SUM(CASE WHEN name = @name THEN ${approximateRowBytes} END), 0) AS namedBytes
      FROM stream_log`)
    this.deleteOldestRows = db.prepare(`
      DELETE FROM stream_log WHERE rowid IN (
        SELECT rowid FROM stream_log WHERE (@only IS NULL OR name = @only)
        ORDER BY rowid LIMIT @count)
      RETURNING ${approximateRowBytes} AS bytes, COALESCE(name = @name, 0) AS named`)
  }

  /**
   * Makes the line in memory and writes it through the writer: while the storage is degraded
   * it waits, and lines are the first given up when too much waits.
   */
  add(entry: NewLogEntry, nowIso: string): StreamLogEntry {
    const line: StreamLogEntry = {
      uuid: crypto.randomUUID(),
      createdDate: nowIso,
      modifiedDate: nowIso,
      streamPoint: entry.streamPoint ?? null,
      stream: entry.stream ?? null,
      origin: entry.origin,
      level: entry.level,
      message: entry.message,
      name: entry.name ?? null,
    }
    this.writer.write({ droppable: true, apply: () => this.insert.run(line) })
    return line
  }

  /** Newest first. */
  query(query: LogQuery = {}): StreamLogEntry[] {
    const rows = this.search.all({
      streamPoint: query.streamPoint ?? null,
      stream: query.stream ?? null,
      minLevel: query.minLevel ?? null,
      origin: query.origin ?? null,
      text: likeSubstring(query.text),
      limit: query.limit ?? 500,
    }) as StreamLogRow[]
    return rows.map(toLogEntry)
  }

  /** Sizes of the whole table and of the lines named `name` (one pass over the table). */
  measure(name: string): LogSizes {
    const row = this.measureAll.get({ name }) as {
      rows: number
      bytes: number
      namedRows: number
      namedBytes: number
    }
    return {
      all: { rows: row.rows, bytes: row.bytes },
      named: { rows: row.namedRows, bytes: row.namedBytes },
    }
  }

  /**
   * Deletes the `count` oldest lines, or the oldest named `only`, through the writer (while the
   * storage is degraded it runs later, and a newer prune replaces a waiting one); `onDeleted`
   * hears what went, in all and of the lines named `name`, once it ran.
   */
  deleteOldest(
    count: number,
    name: string,
    only: string | undefined,
    onDeleted: (gone: LogSizes) => void,
  ): void {
    this.writer.write({
      key: `log prune ${only ?? '*'}`,
      droppable: true,
      apply: () => {
        const gone = this.deleteOldestRows.all({ count, name, only: only ?? null }) as {
          bytes: number
          named: number
        }[]
        let bytes = 0
        let namedRows = 0
        let namedBytes = 0
        for (const row of gone) {
          bytes += row.bytes
          if (row.named) {
            namedRows += 1
            namedBytes += row.bytes
          }
        }
        onDeleted({
          all: { rows: gone.length, bytes },
          named: { rows: namedRows, bytes: namedBytes },
        })
      },
    })
  }
}
