import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventFrame, RequestFrame } from '../core/contract/contract.js'
import type { ContractDispatcher } from '../core/contract/dispatcher.js'
import { SessionToken, tokenCookieName, tokenFromRequest } from './session-token.js'
import { readStaticFile } from './static-files.js'

export interface BrowserServerOptions {
  readonly host: string
  readonly port: number
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string
  readonly dispatcher: ContractDispatcher
  readonly token?: SessionToken
}

/** Browser mode: the same renderer over HTTP, the contract over a WebSocket, both behind a token. */
export class BrowserServer {
  readonly token: SessionToken
  private readonly http: Server
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 })

  constructor(private readonly options: BrowserServerOptions) {
    this.token = options.token ?? new SessionToken()
    this.http = createServer((request, response) => void this.serveHttp(request, response))
    this.http.on('upgrade', (request, socket, head) => this.upgrade(request, socket, head))
    this.sockets.on('connection', (socket) => this.connect(socket))
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
    const host = this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host
    return `http://${host}:${port}/?token=${this.token.value}`
  }

  async close(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate()
    await new Promise<void>((resolve) => this.http.close(() => resolve()))
  }

  private async serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (!this.token.matches(tokenFromRequest(url, request.headers.cookie))) {
      response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('This control room needs its link with the token (printed by npm run serve).\n')
      return
    }
    const file =
      request.method === 'GET'
        ? await readStaticFile(this.options.rendererDir, url.pathname)
        : undefined
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('not found\n')
      return
    }
    response.writeHead(200, {
      'content-type': file.contentType,
      // The link's token becomes a cookie so the page's own requests and socket carry it.
      'set-cookie': `${tokenCookieName}=${this.token.value}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    })
    response.end(file.body)
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', 'http://localhost')
    // A page of another origin must not drive the control room with this browser's cookie.
    const origin = request.headers.origin
    const sameOrigin = origin === undefined || origin === `http://${request.headers.host ?? ''}`
    if (
      url.pathname !== '/ws' ||
      !sameOrigin ||
      !this.token.matches(tokenFromRequest(url, request.headers.cookie))
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n')
      return
    }
    this.sockets.handleUpgrade(request, socket, head, (client) =>
      this.sockets.emit('connection', client, request),
    )
  }

  private connect(client: WebSocket): void {
    // Under a stage's load the core emits hundreds of events a second; each turn's events go out
    // as one frame, and always before an answer, so the page sees them in the order they came.
    let batch: EventFrame[] = []
    let scheduled: NodeJS.Immediate | undefined
    const sendBatch = (): void => {
      if (scheduled) clearImmediate(scheduled)
      scheduled = undefined
      if (batch.length === 0) return
      const events = batch
      batch = []
      if (client.readyState === client.OPEN) client.send(JSON.stringify({ events }))
    }
    const unsubscribe = this.options.dispatcher.subscribe((event, payload) => {
      batch.push({ event, payload })
      scheduled ??= setImmediate(sendBatch)
    })
    client.on('close', () => {
      unsubscribe()
      if (scheduled) clearImmediate(scheduled)
    })
    client.on('message', async (data) => {
      let frame: RequestFrame
      try {
        frame = JSON.parse(String(data)) as RequestFrame
      } catch {
        client.send(JSON.stringify({ id: -1, ok: false, error: 'not JSON' }))
        return
      }
      const result = await this.options.dispatcher.handle(String(frame.method), frame.params)
      sendBatch()
      client.send(JSON.stringify({ id: frame.id, ...result }))
    })
  }
}
