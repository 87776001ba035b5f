import type { EventBatchFrame, RequestFrame, ResponseFrame } from '../../src-main/contract'
import { linkRefused } from './link-check'
import type { Carrier, CarrierSink } from './transport'

/**
 * Browser mode: the contract over a WebSocket to the page's own origin (the session token
 * travels as the cookie the link set). Opens a new socket a second after one closes, and gives
 * up on one that has not opened within `openTimeoutMs` (on a dead network it would hang for
 * minutes). When a new socket will not open, it asks `probeUrl` why: a 401 there means the core
 * has a new token and this page's link is no longer valid (reported once, until a socket opens).
 */
export class WebSocketCarrier implements Carrier {
  private socket: WebSocket | undefined
  private sink: CarrierSink | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private closed = false
  private probing = false
  private refusedReported = false

  constructor(
    private readonly url: string,
    private readonly probeUrl: string,
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
    let opened = false
    const openTimer = setTimeout(() => this.abandon(socket, sink), this.openTimeoutMs)
    socket.addEventListener('open', () => {
      clearTimeout(openTimer)
      opened = true
      this.refusedReported = false
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
      if (this.socket !== socket) return
      // A browser tells a script nothing of why a socket was refused: the probe finds out.
      if (!opened) this.probe(sink)
      this.abandon(socket, sink)
    })
  }

  /** Asks the core's page whether it refuses this page's link; one question at a time. */
  private probe(sink: CarrierSink): void {
    if (this.probing || this.refusedReported) return
    this.probing = true
    void linkRefused(this.probeUrl).then((refused) => {
      this.probing = false
      if (!refused || this.closed || this.socket?.readyState === WebSocket.OPEN) return
      this.refusedReported = true
      sink.linkRefused()
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
