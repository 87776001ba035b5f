import { logLevels, type StorageHealth } from '../contract/index.js'
import type { ConfiguredPasswordSource } from '../contract/index.js'
import { resolveRemotePassword, type RemotePassword } from './config/remote-password.js'
import type { Settings } from './config/settings-schema.js'
import { openDataDirectory, type OpenDataDirectory } from './db/data-directory.js'
import { createRepositories } from './db/repositories/index.js'
import { StorageWriter } from './db/storage-writer.js'
import { ContractDispatcher } from './dispatch/contract-dispatcher.js'
import type { DomainModule } from './dispatch/contract-handlers.js'
import { subscribeWireEvents } from './dispatch/wire-events.js'
import { setupDocuments } from './documents/setup-documents.js'
import type { DocumentService } from './documents/document-service.js'
import { CoreEvents } from './events/core-events.js'
import type { InstructionTracker } from './instructions/instruction-tracker.js'
import { setupInstructions } from './instructions/setup-instructions.js'
import type { LogService } from './logs/log-service.js'
import { setupLogs } from './logs/setup-logs.js'
import type { BoundAddress } from './osc/osc-server.js'
import { setupOsc, type OscModule } from './osc/setup-osc.js'
import { setupPoints, type PointsModule } from './points/setup-points.js'
import type { StreamPointService } from './points/stream-point-service.js'
import type { RemoteActionService } from './remote-actions/remote-action-service.js'
import { setupRemoteActions } from './remote-actions/setup-remote-actions.js'
import { setupSession } from './session/setup-session.js'
import type { StreamService } from './streams/stream-service.js'
import type { StreamVariableService } from './streams/stream-variable-service.js'
import { setupStreams } from './streams/setup-streams.js'
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
 * The composition root: everything that is not Electron, wired from one `setupX()` per domain.
 * Runs the same under the Electron main process and under plain Node.
 */
export class GencasterCore {
  readonly events: CoreEvents
  /** Every database write; its `health` says whether writes reach the database. */
  readonly storage: StorageWriter
  readonly log: LogService
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly remoteActions: RemoteActionService
  readonly streams: StreamService
  readonly variables: StreamVariableService
  /** The control room's editor tabs. */
  readonly documents: DocumentService
  /** The contract, served to both transports. */
  readonly dispatcher: ContractDispatcher
  private readonly osc: OscModule
  private readonly pointsModule: PointsModule
  /** Closed in reverse order of setup. */
  private readonly modules: readonly DomainModule<never>[]
  private boundAddress: BoundAddress | undefined
  private closed = false
  private storageDegraded = false

  private constructor(
    readonly settings: Settings,
    private readonly dataDirectory: OpenDataDirectory,
    options: GencasterCoreOptions,
    /** The password remote actions need: shown in the control room on request, never logged. */
    readonly remotePassword: RemotePassword,
  ) {
    const clock = options.clock ?? systemClock
    const db = dataDirectory.db
    const events =
      options.events ??
      new CoreEvents((error) => console.error('core event listener failed:', error))
    this.events = events
    this.storage = new StorageWriter({
      db,
      now: () => clock.now(),
      unsaved: dataDirectory.unsaved,
      ...(options.storageRetryMs === undefined ? {} : { retryIntervalMs: options.storageRetryMs }),
      onHealthChanged: (health) => this.storageChanged(health),
      onWriteFailed: (error) => console.error('a waiting database write was given up:', error),
    })
    const inTransaction = (work: () => void) => this.inTransaction(work)
    const repositories = createRepositories(db, this.storage)

    const logs = setupLogs({
      repository: repositories.logs,
      events,
      clock,
      retentionRows: settings.logRetentionRows,
      retentionBytes: settings.logRetentionBytes,
    })
    const log = logs.log
    this.osc = setupOsc({
      host: settings.oscHost,
      port: settings.oscPort,
      password: remotePassword.password,
      clock,
      log,
      inTransaction,
    })
    const points = setupPoints({
      repository: repositories.streamPoints,
      events,
      clock,
      onlineWindowMs: settings.onlineWindowSeconds * 1000,
      onPointOffline: (uuid) => instructions.tracker.abandonPointInstructions(uuid),
      presenceCheckIntervalMs: options.presenceCheckIntervalMs,
    })
    const instructions = setupInstructions({
      repository: repositories.instructions,
      transport: this.osc.transport,
      events,
      log,
      clock,
      answerTimeoutMs: settings.answerTimeoutSeconds * 1000,
      manualFinishTimeoutMs: settings.manualFinishTimeoutSeconds * 1000,
      inTransaction,
      findPoint: (uuid) => points.points.get(uuid),
    })
    const remoteActions = setupRemoteActions({
      points: points.points,
      tracker: instructions.tracker,
      log,
    })
    const streams = setupStreams({
      writer: this.storage,
      streamRepository: repositories.streams,
      variableRepository: repositories.streamVariables,
      points: points.points,
      tracker: instructions.tracker,
      events,
      clock,
    })
    const documents = setupDocuments({ repository: repositories.documents, events, clock })
    const session = setupSession({
      points: points.points,
      tracker: instructions.tracker,
      log,
      streams: streams.streams,
      storage: this.storage,
      onlineWindowMs: settings.onlineWindowSeconds * 1000,
      remotePassword,
    })
    this.osc.route({
      points: points.points,
      tracker: instructions.tracker,
      remoteActions: remoteActions.remoteActions,
    })

    this.pointsModule = points
    this.modules = [logs, points, instructions, remoteActions, streams, documents, session]
    this.log = log
    this.points = points.points
    this.tracker = instructions.tracker
    this.remoteActions = remoteActions.remoteActions
    this.streams = streams.streams
    this.variables = streams.variables
    this.documents = documents.documents
    this.dispatcher = new ContractDispatcher(
      {
        ...logs.handlers,
        ...instructions.handlers,
        ...remoteActions.handlers,
        ...streams.handlers,
        ...documents.handlers,
        ...session.handlers,
      },
      (listener) => subscribeWireEvents(events, listener),
    )
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
      core.boundAddress = await core.osc.start()
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
    core.pointsModule.start()
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
    await this.osc.close()
    for (const module of [...this.modules].reverse()) module.close()
    const lost = this.storage.close()
    if (lost > 0)
      console.error(`gencaster: ${lost} writes could not reach the database and are lost`)
    this.dataDirectory.db.close()
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
}
