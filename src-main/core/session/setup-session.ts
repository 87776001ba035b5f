import type { RemotePassword } from '../config/remote-password.js'
import type { StorageWriter } from '../db/storage-writer.js'
import type { DomainModule } from '../dispatch/contract-handlers.js'
import { instructionView, withinBudget } from '../dispatch/wire-events.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { LogService } from '../logs/log-service.js'
import { logEntrySize } from '../logs/setup-logs.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import type { StreamService } from '../streams/stream-service.js'

/** Bound of the log lines a snapshot carries (every page load and reconnect waits for it). */
const snapshotLogBudget = 1024 * 1024

/**
 * What a page needs to begin and to stay: the snapshot of every domain, the link check, and the
 * remote-action password to show on demand.
 */
export function setupSession(options: {
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly log: LogService
  readonly streams: StreamService
  readonly storage: StorageWriter
  readonly onlineWindowMs: number
  readonly remotePassword: RemotePassword
}): DomainModule<'snapshot' | 'ping' | 'remotePassword'> {
  const { points, tracker, log, streams, storage, remotePassword } = options
  return {
    handlers: {
      snapshot: () => ({
        points: points.list(),
        instructions: tracker.listRecent(500).map(instructionView),
        logs: withinBudget(log.query({ limit: 300 }), logEntrySize, snapshotLogBudget),
        onlineWindowMs: options.onlineWindowMs,
        streamsByPoint: streams.streamsByPoint(),
        // The wall clock of the core's machine, not the injected test clock: the page ages
        // beacons against it.
        serverNow: Date.now(),
        storage: storage.health,
      }),
      ping: () => ({ serverNow: Date.now() }),
      // Only to a UI that is already trusted (IPC, or a WebSocket behind the session token).
      remotePassword: () => ({
        password: remotePassword.password,
        source: remotePassword.source,
        file: remotePassword.file,
      }),
    },
    close: () => {},
  }
}
