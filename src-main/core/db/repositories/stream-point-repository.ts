import type { StreamPoint } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { returningRow } from '../returning-row.js'
import type { StorageWriter } from '../storage-writer.js'
import type { StreamPointAnnouncement } from '../../points/stream-point-announcement.js'

interface StreamPointRow {
  uuid: string
  created_date: string
  modified_date: string
  host: string
  port: number
  use_input: number
  janus_in_port: number | null
  janus_out_port: number | null
  janus_in_room: number | null
  janus_out_room: number | null
  janus_public_ip: string | null
  sc_name: string | null
  last_live: string | null
}

function toStreamPoint(row: StreamPointRow): StreamPoint {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    host: row.host,
    port: row.port,
    useInput: row.use_input === 1,
    janusInPort: row.janus_in_port,
    janusOutPort: row.janus_out_port,
    janusInRoom: row.janus_in_room,
    janusOutRoom: row.janus_out_room,
    janusPublicIp: row.janus_public_ip,
    scName: row.sc_name,
    lastLive: row.last_live,
  }
}

/** The `stream_point` table. */
export class StreamPointRepository {
  private readonly upsert: Statement
  private readonly refresh: Statement
  /** uuid and created_date of each point by "host port": a beacon fixes everything else. */
  private readonly identities = new Map<string, { uuid: string; createdDate: string }>()
  private readonly byUuid: Statement
  private readonly byAddress: Statement
  private readonly all: Statement
  private readonly liveSince: Statement
  private readonly freeSince: Statement
  private readonly liveUuidsSince: Statement
  private readonly busyUuids: Statement
  /** Points whose newest beacon waits for the database; reads lay them over the table. */
  private readonly unwritten = new Map<string, StreamPoint>()

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.upsert = db.prepare(`
      INSERT INTO stream_point (uuid, created_date, modified_date, host, port, use_input,
        janus_in_port, janus_out_port, janus_in_room, janus_out_room, janus_public_ip, sc_name,
        last_live)
      VALUES (@uuid, @now, @now, @host, @port, @useInput, @janusInPort, @janusOutPort,
        @janusInRoom, @janusOutRoom, @janusPublicIp, @scName, @now)
      ON CONFLICT (host, port) DO UPDATE SET
        modified_date = excluded.modified_date, use_input = excluded.use_input,
        janus_in_port = excluded.janus_in_port, janus_out_port = excluded.janus_out_port,
        janus_in_room = excluded.janus_in_room, janus_out_room = excluded.janus_out_room,
        janus_public_ip = excluded.janus_public_ip, sc_name = excluded.sc_name,
        last_live = excluded.last_live
      RETURNING *`)
    // Positional parameters: this statement runs for nearly every beacon.
    this.refresh = db.prepare(`
      UPDATE stream_point SET modified_date = ?, last_live = ?, use_input = ?,
        janus_in_port = ?, janus_out_port = ?, janus_in_room = ?, janus_out_room = ?,
        janus_public_ip = ?, sc_name = ?
      WHERE uuid = ?`)
    this.byUuid = db.prepare('SELECT * FROM stream_point WHERE uuid = ?')
    this.byAddress = db.prepare('SELECT * FROM stream_point WHERE host = ? AND port = ?')
    this.all = db.prepare('SELECT * FROM stream_point ORDER BY last_live DESC, uuid')
    this.liveSince = db.prepare(
      'SELECT * FROM stream_point WHERE last_live >= ? ORDER BY last_live DESC, uuid',
    )
    this.liveUuidsSince = db.prepare('SELECT uuid FROM stream_point WHERE last_live >= ?').pluck()
    this.busyUuids = db
      .prepare('SELECT DISTINCT stream_point FROM stream WHERE num_listeners > 0')
      .pluck()
    this.freeSince = db.prepare(`
      SELECT * FROM stream_point AS point
      WHERE point.last_live >= ?
        AND NOT EXISTS (SELECT 1 FROM stream
                        WHERE stream.stream_point = point.uuid AND stream.num_listeners > 0)
      ORDER BY point.last_live DESC, point.uuid`)
  }

  /**
   * Creates or refreshes the point at (host, port) and stamps `last_live` = `nowIso`. The point
   * is made in memory (a point seen before keeps its uuid and created date) and its write goes
   * through the writer: while the storage is degraded the newest beacon per point waits, and
   * the reads below see it, so presence holds.
   */
  upsertFromBeacon(announcement: StreamPointAnnouncement, nowIso: string): StreamPoint {
    const key = `${announcement.host} ${announcement.port}`
    let known = this.identities.get(key)
    if (!known) {
      const stored = this.byAddress.get(announcement.host, announcement.port) as
        StreamPointRow | undefined
      known = stored
        ? { uuid: stored.uuid, createdDate: stored.created_date }
        : { uuid: crypto.randomUUID(), createdDate: nowIso }
      this.identities.set(key, known)
    }
    // Spelled out rather than spread: V8's object spread cost twice the UPDATE itself.
    const point: StreamPoint = {
      uuid: known.uuid,
      createdDate: known.createdDate,
      modifiedDate: nowIso,
      host: announcement.host,
      port: announcement.port,
      useInput: announcement.useInput,
      janusInPort: announcement.janusInPort,
      janusOutPort: announcement.janusOutPort,
      janusInRoom: announcement.janusInRoom,
      janusOutRoom: announcement.janusOutRoom,
      janusPublicIp: announcement.janusPublicIp,
      scName: announcement.scName,
      lastLive: nowIso,
    }
    this.writer.write({
      key: `point ${point.uuid}`,
      apply: () => this.store(point),
      // Only a beacon that waits needs laying over the table (one applied is in it already).
      onWaiting: () => this.unwritten.set(point.uuid, point),
      onWritten: () => {
        if (this.unwritten.get(point.uuid) === point) this.unwritten.delete(point.uuid)
      },
    })
    return point
  }

  /** A plain UPDATE for a point the table has (nearly every beacon), else the upsert. */
  private store(point: StreamPoint): void {
    const useInput = point.useInput ? 1 : 0
    const { changes } = this.refresh.run(
      point.modifiedDate,
      point.lastLive,
      useInput,
      point.janusInPort,
      point.janusOutPort,
      point.janusInRoom,
      point.janusOutRoom,
      point.janusPublicIp,
      point.scName,
      point.uuid,
    )
    if (changes === 1) return
    const row = returningRow<StreamPointRow>(this.upsert, {
      ...point,
      now: point.modifiedDate,
      useInput,
    })!
    // Another row held (host, port) already: that uuid wins, as it did before.
    if (row.uuid !== point.uuid) {
      this.identities.set(`${point.host} ${point.port}`, {
        uuid: row.uuid,
        createdDate: row.created_date,
      })
    }
  }

  get(uuid: string): StreamPoint | undefined {
    const waiting = this.unwritten.get(uuid)
    if (waiting) return waiting
    const row = this.byUuid.get(uuid) as StreamPointRow | undefined
    return row && toStreamPoint(row)
  }

  findByAddress(host: string, port: number): StreamPoint | undefined {
    const known = this.identities.get(`${host} ${port}`)
    const waiting = known && this.unwritten.get(known.uuid)
    if (waiting) return waiting
    const row = this.byAddress.get(host, port) as StreamPointRow | undefined
    return row && toStreamPoint(row)
  }

  /** Every point, newest `last_live` first. */
  list(): StreamPoint[] {
    return this.withUnwritten((this.all.all() as StreamPointRow[]).map(toStreamPoint), '')
  }

  /** Points whose last beacon is at or after `sinceIso`. */
  listLiveSince(sinceIso: string): StreamPoint[] {
    return this.withUnwritten(
      (this.liveSince.all(sinceIso) as StreamPointRow[]).map(toStreamPoint),
      sinceIso,
    )
  }

  /** Only the uuids of live points: the presence check runs every second. */
  listLiveUuidsSince(sinceIso: string): string[] {
    const uuids = this.liveUuidsSince.all(sinceIso) as string[]
    if (this.unwritten.size === 0) return uuids
    return this.withUnwritten(
      uuids.map((uuid) => this.get(uuid)!),
      sinceIso,
    ).map((p) => p.uuid)
  }

  /** Live points not held by a stream with listeners. */
  listFreeSince(sinceIso: string): StreamPoint[] {
    const free = (this.freeSince.all(sinceIso) as StreamPointRow[]).map(toStreamPoint)
    if (this.unwritten.size === 0) return free
    const busy = new Set(this.busyUuids.all() as string[])
    return this.withUnwritten(free, sinceIso).filter((point) => !busy.has(point.uuid))
  }

  /**
   * The stored points with the beacons still waiting for the database laid over them (the
   * storage is degraded, or a batch is not committed yet), filtered and ordered as stored.
   */
  private withUnwritten(stored: StreamPoint[], sinceIso: string): StreamPoint[] {
    if (this.unwritten.size === 0) return stored
    const byUuid = new Map(stored.map((point) => [point.uuid, point]))
    for (const point of this.unwritten.values()) byUuid.set(point.uuid, point)
    return [...byUuid.values()]
      .filter((point) => (point.lastLive ?? '') >= sinceIso)
      .sort(
        (a, b) => (b.lastLive ?? '').localeCompare(a.lastLive ?? '') || (a.uuid < b.uuid ? -1 : 1),
      )
  }
}
