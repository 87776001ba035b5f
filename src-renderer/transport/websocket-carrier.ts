import type {
  EventBatchFrame,
  RequestFrame,
  ResponseFrame,
} from '../../src-main/core/contract/contract'
import type { Carrier, CarrierSink } from './transport'

/**
 * Browser mode: the contract over a WebSocket to the page's own origin (the session token
 * travels as the cookie the link set). Opens a new socket a second after one closes.
 */
export class WebSocketCarrier implements Carrier {
  private socket: WebSocket | undefined
  private retry: ReturnType<typeof setTimeout> | undefined
  private closed = false

  constructor(
    private readonly url: string,
    private readonly retryMs = 1000,
  ) {}

  start(sink: CarrierSink): void {
    this.open(sink)
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
    socket.addEventListener('open', () => sink.connection('connected'))
    socket.addEventListener('message', (message) => {
      const frame = JSON.parse(String(message.data)) as ResponseFrame | EventBatchFrame
      if ('events' in frame) {
        for (const { event, payload } of frame.events) sink.event(event, payload)
        return
      }
      sink.answer(frame.id, frame)
    })
    socket.addEventListener('close', () => {
      sink.connection('disconnected')
      if (!this.closed) this.retry = setTimeout(() => this.open(sink), this.retryMs)
    })
  }
}
