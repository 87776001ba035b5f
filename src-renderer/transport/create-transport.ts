import type { GencasterBridge } from '../../src-main/contract'
import { BridgeCarrier } from './bridge-carrier'
import { ContractClient } from './contract-client'
import { dropTokenFromAddress } from './link-token'
import type { Transport } from './transport'
import { WebSocketCarrier } from './websocket-carrier'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly gencaster?: GencasterBridge
  }
}

/**
 * The one place that knows whether the page runs in Electron (IPC) or a browser (WebSocket).
 * Both go through the same request layer; subscribe to `onConnection` for the state.
 */
export function createTransport(): Transport {
  if (window.gencaster) return new ContractClient(new BridgeCarrier(window.gencaster))
  dropTokenFromAddress()
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return new ContractClient(
    new WebSocketCarrier(`${scheme}://${location.host}/ws`, `${location.origin}/`),
  )
}
