import type { GencasterApi } from '../../src-main/core/contract/contract'
import { WebSocketTransport } from './websocket-transport'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly gencaster?: GencasterApi
  }
}

/** The one place that knows whether the page runs in Electron (IPC) or a browser (WebSocket). */
export function createTransport(
  onConnection: (state: 'connected' | 'disconnected') => void,
): GencasterApi {
  if (window.gencaster) {
    onConnection('connected')
    return window.gencaster
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return new WebSocketTransport(`${scheme}://${location.host}/ws`, onConnection)
}
