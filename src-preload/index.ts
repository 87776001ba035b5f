/**
 * The preload bridge: one object, `window.gencaster`, typed from the contract. The page never
 * sees ipcRenderer itself.
 */
import {
  type ConnectionState,
  type EventName,
  type EventPayloads,
  type GencasterBridge,
  ipcChannels,
} from '../src-main/contract'
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

/** Subscribes to one IPC channel; the returned function unsubscribes. */
function listen(channel: string, handler: (event: IpcRendererEvent, ...args: unknown[]) => void) {
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}

const api: GencasterBridge = {
  request: (method, params) => ipcRenderer.invoke(ipcChannels.request, method, params),
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    return listen(ipcChannels.event, (_event, name, payload) => {
      if (name === event) listener(payload as EventPayloads[E])
    })
  },
  onConnection(listener) {
    // The window opens once the core runs: connected until the shell says otherwise.
    listener('connected')
    return listen(ipcChannels.connection, (_event, state) => {
      if (state === 'connected' || state === 'disconnected') listener(state as ConnectionState)
    })
  },
}

contextBridge.exposeInMainWorld('gencaster', api)
