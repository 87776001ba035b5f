import type {
  EventBatchFrame,
  RequestFrame,
  ResponseFrame,
} from '../../src-main/core/contract/contract'
import type { Carrier, CarrierSink } from './transport'

/**
 * Browser mode: the contract over a WebSocket to the page's own origin (the session token
 * travels as the cookie the link set). Opens a new socket a second after one closes, and gives
 * up on one that has not opened within `openTimeoutMs` (on a dead network it would hang for
 * minutes).
 */
export class WebSocketCarrier implements Carrier {
  private socket: WebSocket | undefined
  private sink: CarrierSink | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private closed = false

  constructor(
    private readonly url: string,
    private readonly retryMs = 1000,
    private readonly openTimeoutMs = 5000,
  ) {}

  start(sink: CarrierSink): void {
    this.sink = sink
    this.open(sink)
  }

  restart(): void {
    const socket = this.socket
    if (!socket || !this.sink) return
    // Its close event may come minutes later, if ever: this socket is forgotten now.
    this.abandon(socket, this.sink)
  }

  send(frame: RequestFrame): void {
    // The client sends only while connected; a socket closing meanwhile drops the frame, and
    // its close event fails the request.
    this.socket?.send(JSON.stringify(frame))
  }

  close(): void {
    this.closed = true
    clearTimeout(this.retry)
    this.socket?.close()
  }

  private open(sink: CarrierSink): void {
    const socket = new WebSocket(this.url)
    this.socket = socket
    const openTimer = setTimeout(() => this.abandon(socket, sink), this.openTimeoutMs)
    socket.addEventListener('open', () => {
      clearTimeout(openTimer)
      if (this.socket === socket) sink.connection('connected')
    })
    socket.addEventListener('message', (message) => {
      if (this.socket !== socket) return
      const frame = JSON.parse(String(message.data)) as ResponseFrame | EventBatchFrame
      if ('events' in frame) {
        for (const { event, payload } of frame.events) sink.event(event, payload)
        return
      }
      sink.answer(frame.id, frame)
    })
    socket.addEventListener('close', () => {
      clearTimeout(openTimer)
      if (this.socket === socket) this.abandon(socket, sink)
    })
  }

  /** Forgets `socket`, says the core is unreachable, and connects again a moment later. */
  private abandon(socket: WebSocket, sink: CarrierSink): void {
    if (this.socket !== socket) return
    this.socket = undefined
    socket.close()
    sink.connection('disconnected')
    if (!this.closed) this.retry = setTimeout(() => this.open(sink), this.retryMs)
  }
}
