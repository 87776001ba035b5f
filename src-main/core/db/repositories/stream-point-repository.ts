import type { Database, Statement } from 'better-sqlite3'
import { returningRow } from '../returning-row.js'
import type { StreamPoint, StreamPointAnnouncement } from '../../stream/stream-point.js'

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

  constructor(db: Database) {
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
    this.freeSince = db.prepare(`
      SELECT * FROM stream_point AS point
      WHERE point.last_live >= ?
        AND NOT EXISTS (SELECT 1 FROM stream
                        WHERE stream.stream_point = point.uuid AND stream.num_listeners > 0)
      ORDER BY point.last_live DESC, point.uuid`)
  }

  /**
   * Creates or refreshes the point at (host, port) and stamps `last_live` = `nowIso`.
   * A point seen before is refreshed with a plain UPDATE and returned without reading it back:
   * beacons are the bulk of the OSC traffic.
   */
  upsertFromBeacon(announcement: StreamPointAnnouncement, nowIso: string): StreamPoint {
    const key = `${announcement.host} ${announcement.port}`
    const known = this.identities.get(key)
    const useInput = announcement.useInput ? 1 : 0
    if (known) {
      const { changes } = this.refresh.run(
        nowIso,
        nowIso,
        useInput,
        announcement.janusInPort,
        announcement.janusOutPort,
        announcement.janusInRoom,
        announcement.janusOutRoom,
        announcement.janusPublicIp,
        announcement.scName,
        known.uuid,
      )
      if (changes === 1) {
        // Spelled out rather than spread: V8's object spread cost twice the UPDATE itself.
        return {
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
      }
    }
    const row = returningRow<StreamPointRow>(this.upsert, {
      ...announcement,
      now: nowIso,
      useInput,
      uuid: crypto.randomUUID(),
    })!
    this.identities.set(key, { uuid: row.uuid, createdDate: row.created_date })
    return toStreamPoint(row)
  }

  get(uuid: string): StreamPoint | undefined {
    const row = this.byUuid.get(uuid) as StreamPointRow | undefined
    return row && toStreamPoint(row)
  }

  findByAddress(host: string, port: number): StreamPoint | undefined {
    const row = this.byAddress.get(host, port) as StreamPointRow | undefined
    return row && toStreamPoint(row)
  }

  /** Every point, newest `last_live` first. */
  list(): StreamPoint[] {
    return (this.all.all() as StreamPointRow[]).map(toStreamPoint)
  }

  /** Points whose last beacon is at or after `sinceIso`. */
  listLiveSince(sinceIso: string): StreamPoint[] {
    return (this.liveSince.all(sinceIso) as StreamPointRow[]).map(toStreamPoint)
  }

  /** Only the uuids of live points: the presence check runs every second. */
  listLiveUuidsSince(sinceIso: string): string[] {
    return this.liveUuidsSince.all(sinceIso) as string[]
  }

  /** Live points not held by a stream with listeners. */
  listFreeSince(sinceIso: string): StreamPoint[] {
    return (this.freeSince.all(sinceIso) as StreamPointRow[]).map(toStreamPoint)
  }
}
