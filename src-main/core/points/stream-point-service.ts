import type { StreamPoint } from '../../contract/index.js'
import type { StreamPointRepository } from '../db/repositories/stream-point-repository.js'
import type { CoreEvents } from '../events/core-events.js'
import type { BeaconMessage } from '../osc/message-schemas.js'
import { toIso, type Clock } from '../time/clock.js'
import { isOnline, liveSinceMs } from '../../contract/index.js'

export interface StreamPointServiceOptions {
  readonly repository: StreamPointRepository
  readonly events: CoreEvents
  readonly clock: Clock
  /** A point is online while its last beacon is younger than this. */
  readonly onlineWindowMs: number
}

/** Discovery: beacons make and refresh StreamPoints; online and free are derived from them. */
export class StreamPointService {
  constructor(private readonly options: StreamPointServiceOptions) {}

  /** Upserts the point keyed by (sender host, lang_port) and stamps `last_live`. */
  applyBeacon(senderHost: string, beacon: BeaconMessage): StreamPoint {
    const point = this.options.repository.upsertFromBeacon(
      {
        host: senderHost,
        port: beacon.lang_port,
        useInput: beacon.use_input ?? false,
        janusInPort: beacon.janus_in_port ?? null,
        janusOutPort: beacon.janus_out_port ?? null,
        janusInRoom: beacon.janus_in_room ?? null,
        janusOutRoom: beacon.janus_out_room ?? null,
        janusPublicIp: beacon.janus_public_ip ?? null,
        scName: beacon.name ?? null,
      },
      toIso(this.options.clock.now()),
    )
    this.options.events.emit('point-changed', point)
    return point
  }

  get(uuid: string): StreamPoint | undefined {
    return this.options.repository.get(uuid)
  }

  /** The point at an instance's host and sclang port. */
  findByAddress(host: string, port: number): StreamPoint | undefined {
    return this.options.repository.findByAddress(host, port)
  }

  list(): StreamPoint[] {
    return this.options.repository.list()
  }

  listOnline(): StreamPoint[] {
    return this.options.repository.listLiveSince(this.liveSince())
  }

  listOnlineUuids(): string[] {
    return this.options.repository.listLiveUuidsSince(this.liveSince())
  }

  /** Online and not held by a stream with listeners. */
  listFree(): StreamPoint[] {
    return this.options.repository.listFreeSince(this.liveSince())
  }

  isOnline(point: StreamPoint): boolean {
    return isOnline(point, this.options.clock.now(), this.options.onlineWindowMs)
  }

  private liveSince(): string {
    return new Date(
      liveSinceMs(this.options.clock.now(), this.options.onlineWindowMs),
    ).toISOString()
  }
}
