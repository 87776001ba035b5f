/** The page's view of the core: the contract, and whether the core can be reached now. */
export interface Transport extends GencasterApi {
  /** 'connecting' until the carrier first reports. */
  readonly connection: ConnectionState | 'connecting'
  /** Calls `listener` with the current state at once, then on every change; returns the unsubscribe. */
  onConnection(listener: (state: ConnectionState | 'connecting') => void): () => void
  /**
   * Calls `listener` when the core refuses this page's link (it has a new token): reconnecting
   * cannot help, only the new link can. Returns the unsubscribe.
   */
  onLinkRefused(listener: () => void): () => void
  close(): void
}

/** Where a carrier reports what comes back from the core. */
export interface CarrierSink {
  answer(id: number, result: Result<unknown>): void
  event(name: EventName, payload: unknown): void
  connection(state: ConnectionState): void
  /** The core refuses the page's credentials (browser mode: a 401), not merely unreachable. */
  linkRefused(): void
}

/**
 * What moves frames to and from the core: a WebSocket in browser mode, the preload bridge in
 * Electron. It knows nothing of ids' deadlines or connection rules; `ContractClient` does.
 */
export interface Carrier {
  /** Starts reporting to `sink` (it may report at once, before `start` returns). */
  start(sink: CarrierSink): void
  /** Sends one request; its answer comes back through `sink.answer` under the same id. */
  send(frame: RequestFrame): void
  /**
   * The link looks dead although nothing closed it (a pulled cable, Wi-Fi gone): report
   * 'disconnected' now and connect again. Carriers whose link cannot die silently omit it.
   */
  restart?(): void
  close(): void
}
import type {
  ConnectionState,
  EventName,
  GencasterApi,
  RequestFrame,
  Result,
} from '../../src-main/contract'
