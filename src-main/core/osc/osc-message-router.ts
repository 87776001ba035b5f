import { logLevels, type LogLevel } from '../../contract/index.js'
import type { RemoteInfo } from 'node:dgram'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { LogService } from '../logs/log-service.js'
import type { RemoteActionService } from '../remote-actions/remote-action-service.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import { decodeOscDatagram, type DecodedOscMessage } from './osc-codec.js'
import { MalformedOscMessageError, OscBackendAuthError } from './osc-errors.js'
import { parseKeyValueList } from './key-value-list.js'
import {
  acknowledgeSchema,
  beaconSchema,
  logSchema,
  remoteActionSchema,
  validateFields,
} from './message-schemas.js'
import type { RemoteActionAuthGuard } from './remote-action-auth-guard.js'
import type { SenderRateLimiter } from './sender-rate-limiter.js'
import { clipText } from '../logs/clip-text.js'
import { rejectionLogName } from '../logs/log-retention.js'

export interface OscMessageRouterOptions {
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly remoteActions: RemoteActionService
  readonly authGuard: RemoteActionAuthGuard
  readonly log: LogService
  /** Decides which rejections get a line of their own; the rest are summarised per sender. */
  readonly rejections: SenderRateLimiter
  /**
   * Valid `/log` lines per sender address and port: the first of a window are stored, the rest
   * counted and summarised, so one runaway (or spoofed) instance cannot push out the others.
   */
  readonly consoleLines: SenderRateLimiter
}

/** How much of an address a log line repeats: enough to recognise it, never 64 KB. */
const shownAddressChars = 200

/** A message to a route that does not exist, with a fixed kind for the flood summary. */
class UnknownRouteError extends MalformedOscMessageError {}
// One instance serves every unknown route: a bundle of thousands of them then costs no stack
// trace each (it only names the kind; the address is logged beside it).
const unknownRoute = new UnknownRouteError('unknown route')

type RouteHandler = (fields: Record<string, unknown>, sender: RemoteInfo) => void

/**
 * Decodes each datagram, validates it against its route's schema and applies it. A rejected
 * message becomes an ERROR log line naming the sender and the reason (never a password), and
 * the server keeps serving. Only a failure to write to the database leaves `handleDatagram`
 * (from a route, or from logging a rejection): the batch's transaction keeps such writes
 * waiting (StorageWriter), and the process's last resort logs anything else. Per
 * sender only the first rejections of a window get a line each; the rest are counted and
 * summarised (`rejections`), so a flood of bogus messages cannot flood the log.
 */
export class OscMessageRouter {
  private readonly routes: ReadonlyMap<string, RouteHandler>

  constructor(private readonly options: OscMessageRouterOptions) {
    const acknowledge: RouteHandler = (fields, sender) =>
      options.tracker.acknowledge(validateFields(acknowledgeSchema, fields), sender.address)
    this.routes = new Map<string, RouteHandler>([
      [
        '/beacon',
        (fields, sender) =>
          options.points.applyBeacon(sender.address, validateFields(beaconSchema, fields)),
      ],
      ['/acknowledge', acknowledge],
      // The seed's route table names it so; real clients send /acknowledge.
      ['/acknowledge_handler', acknowledge],
      ['/remote/action', (fields, sender) => this.remoteAction(fields, sender)],
      ['/log', (fields, sender) => this.instanceLog(fields, sender)],
    ])
  }

  handleDatagram(datagram: Uint8Array, sender: RemoteInfo): void {
    let messages: DecodedOscMessage[]
    try {
      messages = decodeOscDatagram(datagram)
    } catch (error) {
      this.reject(sender, undefined, error)
      return
    }
    for (const message of messages) this.handleMessage(message, sender)
  }

  private handleMessage(message: DecodedOscMessage, sender: RemoteInfo): void {
    try {
      const route = this.routes.get(message.address)
      if (!route) return this.reject(sender, message.address, unknownRoute)
      route(parseKeyValueList(message.args), sender)
    } catch (error) {
      this.reject(sender, message.address, error)
    }
  }

  private remoteAction(fields: Record<string, unknown>, sender: RemoteInfo): void {
    // The password is checked before anything else, so an unauthenticated sender learns
    // nothing about which of its other fields were wrong.
    const verdict = this.options.authGuard.check(sender.address, fields.password)
    if (!verdict.ok) {
      if (verdict.shouldLog) throw new OscBackendAuthError(verdict.reason)
      return
    }
    const action = validateFields(remoteActionSchema, fields)
    // A large fan-out finishes after this datagram's batch; what fails later is logged here too.
    this.options.remoteActions
      .perform(
        {
          action: action.action,
          cmd: action.cmd,
          target: action.target,
          includeBusy: action.include_busy,
        },
        `${sender.address}:${sender.port}`,
      )
      .catch((error: unknown) => this.reject(sender, '/remote/action', error))
  }

  private instanceLog(fields: Record<string, unknown>, sender: RemoteInfo): void {
    const line = validateFields(logSchema, fields)
    const point =
      line.lang_port === undefined
        ? undefined
        : this.options.points.findByAddress(sender.address, line.lang_port)
    const label = point?.scName ?? line.name
    const budget = this.options.consoleLines.record(
      `${sender.address}:${sender.port}`,
      'console lines',
      label === undefined ? undefined : clipText(label, shownAddressChars),
    )
    if (!budget.logOneByOne) return
    this.options.log.write({
      origin: 'supercollider',
      level: line.level as LogLevel,
      message: line.message,
      name: line.name ?? null,
      streamPoint: point?.uuid ?? null,
    })
  }

  private reject(sender: RemoteInfo, address: string | undefined, error: unknown): void {
    // Failed passwords are rate-limited by the guard already (it decided this one is logged).
    if (!(error instanceof OscBackendAuthError)) {
      const verdict = this.options.rejections.record(sender.address, rejectionKind(address, error))
      if (!verdict.logOneByOne) return
    }
    const kind =
      error instanceof MalformedOscMessageError || error instanceof OscBackendAuthError
        ? error.name
        : 'internal error'
    const reason = error instanceof Error ? error.message : String(error)
    const what = address === undefined ? 'packet' : clipText(address, shownAddressChars)
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.ERROR,
      name: rejectionLogName,
      message: `rejected ${what} from ${sender.address}:${sender.port}: ${kind}: ${reason}`,
    })
  }
}

/** A short fixed label for the summary: never the address itself, which anyone can choose. */
function rejectionKind(address: string | undefined, error: unknown): string {
  if (error instanceof UnknownRouteError) return 'unknown route'
  if (!(error instanceof MalformedOscMessageError)) return 'internal error'
  return address === undefined ? 'undecodable' : `bad ${address}`
}
