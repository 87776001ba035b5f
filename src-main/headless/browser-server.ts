import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ContractDispatcher } from '../core/dispatch/contract-dispatcher.js'
import { SenderRateLimiter } from '../core/osc/sender-rate-limiter.js'
import { systemClock, type Clock } from '../core/time/clock.js'
import { consoleBrowserLog, type BrowserLog } from './browser-log.js'
import { ClientSession, type ClientQueueStats } from './client-session.js'
import { answer, refuseSocket } from './http-answers.js'
import { decodePath, parseRequestTarget } from './request-target.js'
import { SessionToken } from './session-token.js'
import { readStaticFile } from './static-files.js'
import { tokenCandidates, tokenCookie, tokenCookieName } from './token-cookie.js'

export interface BrowserServerOptions {
  readonly host: string
  readonly port: number
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string
  readonly dispatcher: ContractDispatcher
  readonly token?: SessionToken
  /** Where problems at this edge are reported; stderr by default. */
  readonly log?: BrowserLog
  /** Bytes one client may have waiting to be sent before it is dropped (8 MiB). */
  readonly maxQueuedBytes?: number
  /** How often each client is pinged; one that misses a ping is dropped (10 s). */
  readonly heartbeatMs?: number
  /** How long `close()` lets open requests finish before it cuts them (2 s). */
  readonly closeGraceMs?: number
  /** The clock of the refused-token windows; tests pass their own. */
  readonly clock?: Clock
}

const needsToken = 'This control room needs its link with the token (printed by npm run serve).\n'

/** Browser mode: the same renderer over HTTP, the contract over a WebSocket, both behind a token. */
export class BrowserServer {
  readonly token: SessionToken
  private readonly http: Server
  private readonly sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 2 * 1024 * 1024,
    // Checked per frame by parseRequestFrame, which answers instead of closing the socket.
    skipUTF8Validation: true,
  })
  private readonly sessions = new Set<ClientSession>()
  private readonly log: BrowserLog
  /** Refused token attempts per remote address: the first of a minute each get a line. */
  private readonly refusals: SenderRateLimiter
  private cookieName = tokenCookieName(0)
  private heartbeat: NodeJS.Timeout | undefined

  constructor(private readonly options: BrowserServerOptions) {
    this.token = options.token ?? new SessionToken()
    this.log = options.log ?? consoleBrowserLog
    this.refusals = new SenderRateLimiter({
      clock: options.clock ?? systemClock,
      what: 'refused browser-mode requests',
      windowMs: 60_000,
      loggedPerWindow: 3,
    })
    this.http = createServer((request, response) => void this.serveHttp(request, response))
    // Node's own answer to a request it cannot parse, kept, with this server's headers.
    this.http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      // As Node's default does: no answer over one already on its way, nor to a reset.
      const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage
      if (error.code === 'ECONNRESET' || answering?.headersSent) {
        socket.destroy()
        return
      }
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? 431
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? 408
            : 400
      refuseSocket(socket, status, 'bad request\n')
    })
    this.http.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head))
    // A handshake ws refuses (not GET, no key) gets this server's headers too.
    this.sockets.on('wsClientError', (error, socket) =>
      refuseSocket(
        socket,
        error.message === 'Invalid HTTP method' ? 405 : 400,
        `${error.message}\n`,
      ),
    )
  }

  /** Listens and returns the URL to open, with the token. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject)
      this.http.listen(this.options.port, this.options.host, () => {
        this.http.off('error', reject)
        resolve()
      })
    })
    const address = this.http.address()
    const port = typeof address === 'object' && address ? address.port : this.options.port
    this.cookieName = tokenCookieName(port)
    this.heartbeat = setInterval(() => {
      this.sessions.forEach((session) => session.heartbeat())
      this.flushRefusals()
    }, this.options.heartbeatMs ?? 10_000)
    this.heartbeat.unref()
    const host = this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host
    return `http://${host}:${port}/?token=${this.token.value}`
  }

  /** The outgoing queue of each connected client, as the bound sees it. */
  clientStats(): ClientQueueStats[] {
    return [...this.sessions].map((session) => session.stats)
  }

  /**
   * Drops the sockets, lets idle connections go at once and cuts half-open requests after a
   * short grace: a client that sent half a request must not hold the shutdown for a minute.
   */
  async close(): Promise<void> {
    clearInterval(this.heartbeat)
    this.flushRefusals(true)
    for (const client of this.sockets.clients) client.terminate()
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()))
    this.http.closeIdleConnections()
    const grace = setTimeout(
      () => this.http.closeAllConnections(),
      this.options.closeGraceMs ?? 2000,
    )
    await closed
    clearTimeout(grace)
  }

  private allowed(query: URLSearchParams, request: IncomingMessage, what: string): boolean {
    const candidates = tokenCandidates(query, request.headers.cookie, this.cookieName)
    if (this.token.matchesAny(candidates)) return true
    this.refused(request, what, candidates.length === 0 ? 'no token' : 'wrong token')
    return false
  }

  /**
   * A line per refused attempt, the first few per remote address and minute, then a summary:
   * someone guessing tokens is seen, and cannot flood the log. Never the token offered, which
   * may be a real one mistyped, nor the path, which the sender chooses.
   */
  private refused(request: IncomingMessage, what: string, kind: string): void {
    const address = request.socket.remoteAddress ?? 'an unknown address'
    if (!this.refusals.record(address, kind).logOneByOne) return
    this.log('WARNING', `refused ${what} from ${address}: ${kind}`)
  }

  private flushRefusals(endOpenWindows = false): void {
    for (const summary of this.refusals.takeSummaries(endOpenWindows)) this.log('WARNING', summary)
  }

  private async serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await this.answerHttp(request, response)
    } catch (error) {
      this.log('ERROR', `browser request ${request.method} failed: ${String(error)}`)
      if (response.headersSent) response.destroy()
      else answer(request, response, 500, 'internal error\n')
    }
  }

  private async answerHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = parseRequestTarget(request.url)
    if (!target) return answer(request, response, 400, 'bad request target\n')
    // The token first: nothing else is read or decoded for a request without it.
    if (!this.allowed(target.query, request, 'an HTTP request'))
      return answer(request, response, 401, needsToken)
    const path = decodePath(target.rawPath)
    if (path === undefined) return answer(request, response, 400, 'malformed path\n')
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(request, response, 405, 'only GET and HEAD\n', { allow: 'GET, HEAD' })
    const file = await readStaticFile(this.options.rendererDir, path)
    if (!file) return answer(request, response, 404, 'not found\n')
    answer(request, response, 200, file.body, {
      'content-type': file.contentType,
      // The link's token becomes a cookie so the page's own requests and socket carry it.
      'set-cookie': tokenCookie(this.cookieName, this.token.value),
      'cache-control': 'no-store',
    })
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node hands an upgrading socket over without its own error listener.
    socket.on('error', () => socket.destroy())
    try {
      const target = parseRequestTarget(request.url)
      if (!target) return refuseSocket(socket, 400, 'bad request target\n')
      // A page of another origin must not drive the control room with this browser's cookie.
      const origin = request.headers.origin
      const sameOrigin = origin === undefined || origin === `http://${request.headers.host ?? ''}`
      if (
        target.rawPath !== '/ws' ||
        !sameOrigin ||
        !this.allowed(target.query, request, 'a WebSocket')
      )
        return refuseSocket(socket, 401, needsToken)
      this.sockets.handleUpgrade(request, socket, head, (client) => this.connect(client))
    } catch (error) {
      this.log('ERROR', `browser socket upgrade failed: ${String(error)}`)
      socket.destroy()
    }
  }

  private connect(client: WebSocket): void {
    const session = new ClientSession(client, {
      dispatcher: this.options.dispatcher,
      maxQueuedBytes: this.options.maxQueuedBytes ?? 8 * 1024 * 1024,
      log: this.log,
    })
    this.sessions.add(session)
    client.on('close', () => this.sessions.delete(session))
  }
}
