import type { Database, Statement } from 'better-sqlite3'
import { likeSubstring } from '../like-pattern.js'
import type { StorageWriter } from '../storage-writer.js'
import type { LogLevel, LogOrigin, NewLogEntry, StreamLogEntry } from '../../stream/stream-log.js'

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

/** The `stream_log` table. */
export class StreamLogRepository {
  private readonly insert: Statement
  private readonly search: Statement
  private readonly prune: Statement

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
    this.prune = db.prepare(`
      DELETE FROM stream_log WHERE rowid IN (
        SELECT rowid FROM stream_log ORDER BY rowid DESC LIMIT -1 OFFSET ?)`)
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

  /** Deletes all but the newest `keep` lines (through the writer: it may run later). */
  pruneKeepingNewest(keep: number): void {
    this.writer.write({ key: 'log prune', droppable: true, apply: () => this.prune.run(keep) })
  }
}
