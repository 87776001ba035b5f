import type {
  EventBatchFrame,
  EventName,
  EventPayloads,
  GencasterApi,
  RequestName,
  RequestParams,
  RequestResults,
  ResponseFrame,
  Result,
} from '../../src-main/core/contract/contract'

type AnyListener = (payload: unknown) => void

/**
 * Browser mode: the contract over a WebSocket to the page's own origin (the session token
 * travels as the cookie the link set). Reconnects by itself; `onConnection` tells the UI.
 */
export class WebSocketTransport implements GencasterApi {
  private socket: WebSocket | undefined
  private nextId = 1
  private readonly pending = new Map<number, (result: Result<unknown>) => void>()
  private readonly listeners = new Map<EventName, Set<AnyListener>>()
  private connected: Promise<void> = Promise.resolve()

  constructor(
    private readonly url: string,
    private readonly onConnection: (state: 'connected' | 'disconnected') => void,
  ) {
    this.open()
  }

  request<N extends RequestName>(
    method: N,
    params: RequestParams<N>,
  ): Promise<Result<RequestResults[N]>> {
    return this.connected.then(
      () =>
        new Promise((resolve) => {
          const id = this.nextId++
          this.pending.set(id, resolve as (result: Result<unknown>) => void)
          this.socket?.send(JSON.stringify({ id, method, params }))
        }),
    )
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as AnyListener)
    return () => set.delete(listener as AnyListener)
  }

  private open(): void {
    const socket = new WebSocket(this.url)
    this.socket = socket
    this.connected = new Promise((resolve) =>
      socket.addEventListener('open', () => resolve(), { once: true }),
    )
    socket.addEventListener('open', () => this.onConnection('connected'))
    socket.addEventListener('message', (message) => this.receive(String(message.data)))
    socket.addEventListener('close', () => {
      for (const resolve of this.pending.values())
        resolve({ ok: false, error: 'connection to the core lost' })
      this.pending.clear()
      this.onConnection('disconnected')
      setTimeout(() => this.open(), 1000)
    })
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as ResponseFrame | EventBatchFrame
    if ('events' in frame) {
      for (const { event, payload } of frame.events)
        for (const listener of this.listeners.get(event) ?? []) listener(payload)
      return
    }
    this.pending.get(frame.id)?.(frame)
    this.pending.delete(frame.id)
  }
}
