import type { PointStreams, Stream } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { returningRow } from '../returning-row.js'
import type { StorageWriter } from '../storage-writer.js'

interface StreamRow {
  uuid: string
  created_date: string
  modified_date: string
  stream_point: string
  num_listeners: number
}

function toStream(row: StreamRow): Stream {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    streamPoint: row.stream_point,
    numListeners: row.num_listeners,
  }
}

/** The `stream` table. */
export class StreamRepository {
  private readonly insert: Statement
  private readonly byUuid: Statement
  private readonly changeListeners: Statement
  private readonly setListeners: Statement
  private readonly releaseAll: Statement
  private readonly listeners: Statement
  private readonly active: Statement

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.insert = db.prepare(`
      INSERT INTO stream (uuid, created_date, modified_date, stream_point, num_listeners)
      VALUES (@uuid, @now, @now, @streamPoint, @numListeners) RETURNING *`)
    this.byUuid = db.prepare('SELECT * FROM stream WHERE uuid = ?')
    // MAX(..., 0): a listener count never goes below zero, however often a client leaves.
    this.changeListeners = db.prepare(`
      UPDATE stream SET num_listeners = MAX(num_listeners + @delta, 0), modified_date = @now
      WHERE uuid = @uuid RETURNING *`)
    this.setListeners = db.prepare(`
      UPDATE stream SET num_listeners = @count, modified_date = @now
      WHERE uuid = @uuid RETURNING *`)
    this.releaseAll = db.prepare(
      'UPDATE stream SET num_listeners = 0, modified_date = ? WHERE num_listeners > 0',
    )
    this.listeners = db.prepare(
      `SELECT stream_point, COUNT(*) AS streams, SUM(num_listeners) AS listeners FROM stream
       WHERE num_listeners > 0 GROUP BY stream_point`,
    )
    this.active = db.prepare(
      'SELECT * FROM stream WHERE num_listeners > 0 ORDER BY created_date DESC, rowid DESC',
    )
  }

  create(streamPoint: string, numListeners: number, nowIso: string): Stream {
    const row = this.writer.run(() =>
      returningRow(this.insert, {
        uuid: crypto.randomUUID(),
        now: nowIso,
        streamPoint,
        numListeners,
      }),
    ) as StreamRow
    return toStream(row)
  }

  get(uuid: string): Stream | undefined {
    const row = this.byUuid.get(uuid) as StreamRow | undefined
    return row && toStream(row)
  }

  addListeners(uuid: string, delta: number, nowIso: string): Stream | undefined {
    const row = this.writer.run(() =>
      returningRow(this.changeListeners, { uuid, delta, now: nowIso }),
    ) as StreamRow | undefined
    return row && toStream(row)
  }

  setListenerCount(uuid: string, count: number, nowIso: string): Stream | undefined {
    const row = this.writer.run(() =>
      returningRow(this.setListeners, { uuid, count, now: nowIso }),
    ) as StreamRow | undefined
    return row && toStream(row)
  }

  /** Sets every stream's listeners to 0; returns how many were held. */
  releaseAllStreams(nowIso: string): number {
    return this.writer.run(() => this.releaseAll.run(nowIso).changes)
  }

  /** Streams with listeners and their listeners per point uuid, for points that have any. */
  activeStreamsByPoint(): Record<string, PointStreams> {
    const rows = this.listeners.all() as {
      stream_point: string
      streams: number
      listeners: number
    }[]
    return Object.fromEntries(
      rows.map((row) => [row.stream_point, { streams: row.streams, listeners: row.listeners }]),
    )
  }

  /** Streams that have listeners now, newest first. */
  listActive(): Stream[] {
    return (this.active.all() as StreamRow[]).map(toStream)
  }
}
