import type { StreamPointRepository } from '../db/repositories/stream-point-repository.js'
import type { DomainModule } from '../dispatch/contract-handlers.js'
import type { CoreEvents } from '../events/core-events.js'
import type { Clock } from '../time/clock.js'
import { PresenceMonitor } from './presence-monitor.js'
import { StreamPointService } from './stream-point-service.js'

export interface PointsModule extends DomainModule {
  readonly points: StreamPointService
  /** Starts noticing points that stop beaconing. */
  start(): void
}

/** The StreamPoints: what beacons announce, and who is online. */
export function setupPoints(options: {
  readonly repository: StreamPointRepository
  readonly events: CoreEvents
  readonly clock: Clock
  readonly onlineWindowMs: number
  /** Called once for each point that stops beaconing. */
  readonly onPointOffline: (streamPoint: string) => void
  readonly presenceCheckIntervalMs: number | undefined
}): PointsModule {
  const points = new StreamPointService(options)
  const presence = new PresenceMonitor({
    points,
    events: options.events,
    onPointOffline: options.onPointOffline,
    ...(options.presenceCheckIntervalMs === undefined
      ? {}
      : { checkIntervalMs: options.presenceCheckIntervalMs }),
  })
  return { points, handlers: {}, start: () => presence.start(), close: () => presence.close() }
}
