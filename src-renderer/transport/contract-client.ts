import type {
  ConnectionState,
  EventName,
  EventPayloads,
  RequestName,
  RequestParams,
  RequestResults,
  Result,
} from '../../src-main/contract'
import { defaultLivenessIntervalMs, LivenessWatch } from './liveness-watch'
import { noAnswerError, RequestTable } from './request-table'
import type { Carrier, Transport } from './transport'

type AnyListener = (payload: unknown) => void

/** A request made while the core cannot be reached fails at once: it is never sent later. */
export const notConnectedError = 'not sent: not connected to the core'
/** What every pending request gets when the connection drops. */
export const connectionLostError = 'connection to the core lost'

/** How long each request may wait for its answer. */
export type RequestDeadlines = { readonly default: number } & Partial<Record<RequestName, number>>

/** A stop that does not come back quickly must say so quickly: the performer reaches for another. */
export const defaultDeadlines: RequestDeadlines = { default: 10_000, stop: 5_000, ping: 4_000 }

/**
 * The one request layer both transports use: an id and a deadline per request, no request
 * sent while disconnected, and every pending request failed when the connection drops.
 */
export class ContractClient implements Transport {
  private state: ConnectionState | 'connecting' = 'connecting'
  private readonly requests = new RequestTable()
  private readonly listeners = new Map<EventName, Set<AnyListener>>()
  private readonly connectionListeners = new Set<(state: Transport['connection']) => void>()
  private readonly refusedListeners = new Set<() => void>()
  private readonly liveness: LivenessWatch | undefined
  /** When the core last sent anything (an answer or an event): a sign of life in itself. */
  private lastHeardAt = 0

  constructor(
    private readonly carrier: Carrier,
    private readonly deadlines: RequestDeadlines = defaultDeadlines,
    livenessIntervalMs?: number,
  ) {
    // Only a link that can die silently is watched; a ping that fails for another reason (the
    // connection dropped meanwhile) is not a silent link.
    const pingDeadline = noAnswerError(deadlines.ping ?? deadlines.default)
    this.liveness =
      carrier.restart === undefined
        ? undefined
        : new LivenessWatch(
            () =>
              this.request('ping', {}).then((result) => result.ok || result.error !== pingDeadline),
            () => carrier.restart?.(),
            // A link that carries frames, or still owes answers (a big snapshot on slow Wi-Fi),
            // is not silent: a ping would only queue behind them and miss its deadline.
            () =>
              this.requests.size > 0 ||
              Date.now() - this.lastHeardAt < (livenessIntervalMs ?? defaultLivenessIntervalMs),
            livenessIntervalMs,
          )
    carrier.start({
      answer: (id, result) => {
        this.lastHeardAt = Date.now()
        this.requests.settle(id, result)
      },
      event: (name, payload) => {
        this.lastHeardAt = Date.now()
        for (const listener of this.listeners.get(name) ?? []) listener(payload)
      },
      connection: (state) => this.setState(state),
      linkRefused: () => {
        for (const listener of [...this.refusedListeners]) listener()
      },
    })
  }

  get connection(): Transport['connection'] {
    return this.state
  }

  onConnection(listener: (state: Transport['connection']) => void): () => void {
    this.connectionListeners.add(listener)
    listener(this.state)
    return () => this.connectionListeners.delete(listener)
  }

  onLinkRefused(listener: () => void): () => void {
    this.refusedListeners.add(listener)
    return () => this.refusedListeners.delete(listener)
  }

  request<N extends RequestName>(
    method: N,
    params: RequestParams<N>,
  ): Promise<Result<RequestResults[N]>> {
    if (this.state !== 'connected') return Promise.resolve({ ok: false, error: notConnectedError })
    const deadlineMs = this.deadlines[method] ?? this.deadlines.default
    return this.requests.open(deadlineMs, (id) =>
      this.carrier.send({ id, method, params }),
    ) as Promise<Result<RequestResults[N]>>
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as AnyListener)
    return () => set.delete(listener as AnyListener)
  }

  close(): void {
    this.liveness?.stop()
    this.carrier.close()
    this.setState('disconnected')
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return
    this.state = state
    this.liveness?.connectionChanged(state === 'connected')
    if (state === 'disconnected') this.requests.failAll(connectionLostError)
    for (const listener of [...this.connectionListeners]) listener(state)
  }
}
