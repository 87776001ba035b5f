import type { EventName, EventPayloads } from './events.js'
import type { RequestName, RequestParams, RequestResults, Result } from './requests.js'

/** The API both transports give the renderer. */
export interface GencasterApi {
  request<N extends RequestName>(
    method: N,
    params: RequestParams<N>,
  ): Promise<Result<RequestResults[N]>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** Whether a UI can reach the core right now. */
export type ConnectionState = 'connected' | 'disconnected'

/**
 * What the Electron preload exposes as `window.gencaster`: the API, plus an optional signal of
 * the link to the core. A bridge without it counts as connected while the window lives.
 */
export interface GencasterBridge extends GencasterApi {
  /**
   * Calls `listener` with the current state at once, then on every change: 'disconnected' when
   * the core stops serving the window (the app quits), 'connected' when a core serves it.
   * Returns the unsubscribe.
   */
  onConnection?(listener: (state: ConnectionState) => void): () => void
}
