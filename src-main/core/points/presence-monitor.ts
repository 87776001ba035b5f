import { isStorageError } from '../db/storage-errors.js'
import type { CoreEvents } from '../events/core-events.js'
import type { StreamPointService } from './stream-point-service.js'

export interface PresenceMonitorOptions {
  readonly points: StreamPointService
  readonly events: CoreEvents
  /** Called once for each point that stops beaconing. */
  readonly onPointOffline: (streamPoint: string) => void
  readonly checkIntervalMs?: number
}

/**
 * Notices points going offline, which no message announces: a beacon that stops coming.
 * The point is re-announced so the UI updates, and its pending instructions stop waiting.
 */
export class PresenceMonitor {
  private online = new Set<string>()
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly options: PresenceMonitorOptions) {}

  start(): void {
    this.online = new Set(this.options.points.listOnlineUuids())
    this.timer = setInterval(
      () => this.checkUnlessUnreadable(),
      this.options.checkIntervalMs ?? 1000,
    )
    this.timer.unref()
  }

  /** Compares who is online now with the last check; public so tests need not wait. */
  check(): void {
    const now = new Set(this.options.points.listOnlineUuids())
    for (const uuid of this.online) {
      if (now.has(uuid)) continue
      const point = this.options.points.get(uuid)
      if (point) this.options.events.emit('point-changed', point)
      this.options.onPointOffline(uuid)
    }
    this.online = now
  }

  /** A program holding the database exclusively can make even reads busy: try next time. */
  private checkUnlessUnreadable(): void {
    try {
      this.check()
    } catch (error) {
      if (!isStorageError(error)) throw error
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }
}
