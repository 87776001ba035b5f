import { type ConfiguredPasswordSource, type StorageHealth, logLevels } from '../contract/index.js'
import type { Database } from 'better-sqlite3'
import { resolveRemotePassword, type RemotePassword } from './config/remote-password.js'
import type { Settings } from './config/settings-schema.js'
import { openDataDirectory, type OpenDataDirectory } from './db/data-directory.js'
import { createRepositories } from './db/repositories/index.js'
import { StorageWriter } from './db/storage-writer.js'
import { DocumentService } from './documents/document-service.js'
import { CoreEvents } from './events/core-events.js'
import { DatagramBatcher } from './osc/datagram-batcher.js'
import { OscInstanceTransport } from './osc/osc-instance-transport.js'
import { OscMessageRouter } from './osc/osc-message-router.js'
import { OscServer, type BoundAddress } from './osc/osc-server.js'
import { RemoteActionAuthGuard } from './osc/remote-action-auth-guard.js'
import { SenderRateLimiter } from './osc/sender-rate-limiter.js'
import { InstructionTracker } from './instructions/instruction-tracker.js'
import { LogService } from './logs/log-service.js'
import { PresenceMonitor } from './points/presence-monitor.js'
import { RemoteActionService } from './remote-actions/remote-action-service.js'
import { StreamPointService } from './points/stream-point-service.js'
import { StreamService } from './streams/stream-service.js'
import { StreamVariableService } from './streams/stream-variable-service.js'
import { systemClock, type Clock } from './time/clock.js'

export interface GencasterCoreOptions {
  readonly settings: Settings
  readonly clock?: Clock
  /** better-sqlite3's addon for this runtime (Electron passes its own ABI build). */
  readonly nativeBinding?: string | undefined
  /** How often the presence of points is checked; tests shorten it. */
  readonly presenceCheckIntervalMs?: number
  /** The event bus, when a listener must hear what the start itself logs (serve's console). */
  readonly events?: CoreEvents
  /** How often writes that wait for the database are retried; tests shorten it. */
  readonly storageRetryMs?: number
  /** Where the settings' password came from (loadSettings says), for the control room. */
  readonly passwordSource?: ConfiguredPasswordSource | undefined
}

/**
 * Everything that is not Electron, wired together: the OSC server, the database and the stream
 * domain. Runs the same under the Electron main process and under plain Node.
 */
export class GencasterCore {
  readonly events: CoreEvents
  readonly points: StreamPointService
  readonly streams: StreamService
  readonly variables: StreamVariableService
  readonly tracker: InstructionTracker
  readonly remoteActions: RemoteActionService
  readonly log: LogService
  /** The control room's editor tabs. */
  readonly documents: DocumentService
  /** Every database write; its `health` says whether writes reach the database. */
  readonly storage: StorageWriter
  private readonly oscServer: OscServer
  private readonly presence: PresenceMonitor
  private readonly batcher: DatagramBatcher
  private readonly authGuard: RemoteActionAuthGuard
  /** Rejected OSC messages per sender: a flood writes a few lines and one summary. */
  private readonly rejections: SenderRateLimiter
  /** Valid console lines per sender address and port: a runaway instance gets a summary. */
  private readonly consoleLines: SenderRateLimiter
  private maintenanceTimer: NodeJS.Timeout | undefined
  private boundAddress: BoundAddress | undefined
  private closed = false
  private storageDegraded = false

  private readonly db: Database

  private constructor(
    readonly settings: Settings,
    private readonly dataDirectory: OpenDataDirectory,
    options: GencasterCoreOptions,
    /** The password remote actions need: shown in the control room on request, never logged. */
    readonly remotePassword: RemotePassword,
  ) {
    const clock = options.clock ?? systemClock
    const db = dataDirectory.db
    this.db = db
    this.events =
      options.events ??
      new CoreEvents((error) => console.error('core event listener failed:', error))
    this.storage = new StorageWriter({
      db,
      now: () => clock.now(),
      unsaved: dataDirectory.unsaved,
      ...(options.storageRetryMs === undefined ? {} : { retryIntervalMs: options.storageRetryMs }),
      onHealthChanged: (health) => this.storageChanged(health),
      onWriteFailed: (error) => console.error('a waiting database write was given up:', error),
    })
    const repositories = createRepositories(db, this.storage)
    this.documents = new DocumentService(repositories.documents, this.events)
    this.log = new LogService({
      repository: repositories.logs,
      events: this.events,
      clock,
      retentionRows: settings.logRetentionRows,
      retentionBytes: settings.logRetentionBytes,
    })
    this.points = new StreamPointService({
      repository: repositories.streamPoints,
      events: this.events,
      clock,
      onlineWindowMs: settings.onlineWindowSeconds * 1000,
    })
    this.authGuard = new RemoteActionAuthGuard({ password: remotePassword.password, clock })
    this.rejections = new SenderRateLimiter({ clock, what: 'rejected OSC messages' })
    this.consoleLines = new SenderRateLimiter({
      clock,
      what: 'console lines',
      windowMs: 10_000,
      loggedPerWindow: 200,
      outcome: 'not stored',
      listKinds: false,
    })
    this.oscServer = new OscServer({
      host: settings.oscHost,
      port: settings.oscPort,
      onDatagram: (datagram, sender) => this.batcher.enqueue(datagram, sender),
      onSocketError: (error) =>
        this.log.write({
          origin: 'supercollider',
          level: logLevels.ERROR,
          name: 'osc_server',
          message: `OSC socket: ${error.message}`,
        }),
    })
    this.tracker = new InstructionTracker({
      repository: repositories.instructions,
      transport: new OscInstanceTransport(this.oscServer),
      events: this.events,
      log: this.log,
      clock,
      answerTimeoutMs: settings.answerTimeoutSeconds * 1000,
      manualFinishTimeoutMs: settings.manualFinishTimeoutSeconds * 1000,
      inTransaction: (work) => this.inTransaction(work),
      findPoint: (uuid) => this.points.get(uuid),
    })
    this.streams = new StreamService({
      writer: this.storage,
      repository: repositories.streams,
      points: this.points,
      events: this.events,
      clock,
    })
    this.variables = new StreamVariableService({
      repository: repositories.streamVariables,
      streams: this.streams,
      points: this.points,
      tracker: this.tracker,
      clock,
    })
    this.remoteActions = new RemoteActionService({
      points: this.points,
      tracker: this.tracker,
      log: this.log,
    })
    const router = new OscMessageRouter({
      points: this.points,
      tracker: this.tracker,
      remoteActions: this.remoteActions,
      authGuard: this.authGuard,
      log: this.log,
      rejections: this.rejections,
      consoleLines: this.consoleLines,
    })
    this.batcher = new DatagramBatcher({
      handle: (datagram, sender) => router.handleDatagram(datagram, sender),
      inTransaction: (work) => this.inTransaction(work),
    })
    this.presence = new PresenceMonitor({
      points: this.points,
      events: this.events,
      onPointOffline: (uuid) => this.tracker.abandonPointInstructions(uuid),
      ...(options.presenceCheckIntervalMs === undefined
        ? {}
        : { checkIntervalMs: options.presenceCheckIntervalMs }),
    })
  }

  /**
   * Opens the data directory's database and starts listening for OSC.
   * @throws DataDirectoryError, DatabaseTooNewError, OscBindError or SettingsError (an unusable
   *   password file) with a message for people.
   */
  static async start(options: GencasterCoreOptions): Promise<GencasterCore> {
    const dataDirectory = openDataDirectory(options.settings.dataDir, options.nativeBinding)
    let core: GencasterCore
    try {
      const password = resolveRemotePassword(options.settings, options.passwordSource)
      core = new GencasterCore(options.settings, dataDirectory, options, password)
      core.boundAddress = await core.oscServer.start()
    } catch (error) {
      dataDirectory.db.close()
      dataDirectory.release()
      throw error
    }
    if (dataDirectory.unsaved !== undefined) core.storageChanged(core.storage.health)
    if (dataDirectory.exclusive) {
      core.log.write({
        origin: 'graph_engine',
        level: logLevels.WARNING,
        name: 'storage',
        message:
          'the database was opened on a full disk: other SQLite tools cannot open it until Gencaster restarts',
      })
    }
    core.inTransaction(() => core.tracker.recoverUnfinished())
    core.presence.start()
    core.maintenanceTimer = setInterval(() => core.flushAuthSummaries(), 5000)
    core.maintenanceTimer.unref()
    return core
  }

  /** Where the OSC server listens (the real port when 0 was asked for). */
  get oscAddress(): BoundAddress {
    if (!this.boundAddress) throw new Error('core not started')
    return this.boundAddress
  }

  /** Stops taking messages, then writes what is left and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.oscServer.close()
    this.batcher.flush()
    this.presence.close()
    this.tracker.close()
    if (this.maintenanceTimer) clearInterval(this.maintenanceTimer)
    this.flushAuthSummaries(true)
    const lost = this.storage.close()
    if (lost > 0)
      console.error(`gencaster: ${lost} writes could not reach the database and are lost`)
    this.db.close()
    this.dataDirectory.release()
  }

  /**
   * One database transaction (the storage writer's batch) whose events reach listeners after
   * it committed. Writes kept in memory while the storage is degraded count as committed: they
   * reach the database later, and nothing accepted is lost.
   */
  private inTransaction(work: () => void): void {
    this.events.heldDuring(() => this.storage.batch(work))
  }

  /** Says so in the log (the UI's and the console's) once per transition, and tells the UI. */
  private storageChanged(health: StorageHealth): void {
    const wasDegraded = this.storageDegraded
    this.storageDegraded = health.state === 'degraded'
    this.events.emit('storage-changed', health)
    if (wasDegraded === this.storageDegraded) return
    const dropped =
      health.dropped > 0 ? `; ${health.dropped} log lines were dropped to stay within memory` : ''
    this.log.write({
      origin: 'graph_engine',
      level: this.storageDegraded ? logLevels.CRITICAL : logLevels.WARNING,
      name: 'storage',
      message: this.storageDegraded
        ? `writes to the database paused: ${health.reason ?? 'storage error'}; Gencaster keeps running and keeps what arrives in memory`
        : `writes to the database resumed${dropped}`,
    })
  }

  private flushAuthSummaries(endOpenWindows = false): void {
    for (const summary of [
      ...this.authGuard.takeSummaries(endOpenWindows),
      ...this.rejections.takeSummaries(endOpenWindows),
      ...this.consoleLines.takeSummaries(endOpenWindows),
    ]) {
      this.log.write({
        origin: 'supercollider',
        level: logLevels.WARNING,
        name: 'osc_server',
        message: summary,
      })
    }
  }
}
