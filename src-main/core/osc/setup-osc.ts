import { logLevels } from '../../contract/index.js'
import type { InstanceTransport } from '../instructions/instance-transport.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { LogService } from '../logs/log-service.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import type { RemoteActionService } from '../remote-actions/remote-action-service.js'
import type { Clock } from '../time/clock.js'
import { DatagramBatcher } from './datagram-batcher.js'
import { OscInstanceTransport } from './osc-instance-transport.js'
import { OscMessageRouter } from './osc-message-router.js'
import { OscServer, type BoundAddress } from './osc-server.js'
import { RemoteActionAuthGuard } from './remote-action-auth-guard.js'
import { SenderRateLimiter } from './sender-rate-limiter.js'

/** What the OSC router hands messages to, once the domains exist. */
export interface OscRoutes {
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly remoteActions: RemoteActionService
}

export interface OscModule {
  /** Instructions to instances go out through the server's socket. */
  readonly transport: InstanceTransport
  /** Routes what arrives to the domains; call before start(). */
  route(routes: OscRoutes): void
  /** Binds the socket: where it listens (the real port when 0 was asked for). */
  start(): Promise<BoundAddress>
  /** Stops taking messages and handles what arrived, then writes the last summaries. */
  close(): Promise<void>
}

/**
 * The OSC edge: the UDP server instances beacon and answer to, the router that checks each
 * message and maps it to the domains' own types, and the per-sender limits that keep a flood to
 * a few log lines and one summary.
 */
export function setupOsc(options: {
  readonly host: string
  readonly port: number
  readonly password: string
  readonly clock: Clock
  readonly log: LogService
  /** Runs one batch of datagrams' writes in one transaction. */
  readonly inTransaction: (work: () => void) => void
}): OscModule {
  const { clock, log } = options
  const authGuard = new RemoteActionAuthGuard({ password: options.password, clock })
  // Rejected OSC messages per sender: a flood writes a few lines and one summary.
  const rejections = new SenderRateLimiter({ clock, what: 'rejected OSC messages' })
  // Valid console lines per sender address and port: a runaway instance gets a summary.
  const consoleLines = new SenderRateLimiter({
    clock,
    what: 'console lines',
    windowMs: 10_000,
    loggedPerWindow: 200,
    outcome: 'not stored',
    listKinds: false,
  })
  let batcher: DatagramBatcher | undefined
  const server = new OscServer({
    host: options.host,
    port: options.port,
    // Datagrams before route() (none: start() comes after it) would have nowhere to go.
    onDatagram: (datagram, sender) => batcher?.enqueue(datagram, sender),
    onSocketError: (error) =>
      log.write({
        origin: 'supercollider',
        level: logLevels.ERROR,
        name: 'osc_server',
        message: `OSC socket: ${error.message}`,
      }),
  })
  const flushSummaries = (endOpenWindows = false) => {
    for (const summary of [
      ...authGuard.takeSummaries(endOpenWindows),
      ...rejections.takeSummaries(endOpenWindows),
      ...consoleLines.takeSummaries(endOpenWindows),
    ]) {
      log.write({
        origin: 'supercollider',
        level: logLevels.WARNING,
        name: 'osc_server',
        message: summary,
      })
    }
  }
  let summaryTimer: ReturnType<typeof setInterval> | undefined
  return {
    transport: new OscInstanceTransport(server),
    route: (routes) => {
      const router = new OscMessageRouter({ ...routes, authGuard, log, rejections, consoleLines })
      batcher = new DatagramBatcher({
        handle: (datagram, sender) => router.handleDatagram(datagram, sender),
        inTransaction: options.inTransaction,
      })
    },
    start: async () => {
      const bound = await server.start()
      summaryTimer = setInterval(() => flushSummaries(), 5000)
      summaryTimer.unref()
      return bound
    },
    close: async () => {
      await server.close()
      batcher?.flush()
      if (summaryTimer) clearInterval(summaryTimer)
      flushSummaries(true)
    },
  }
}
