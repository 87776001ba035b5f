/**
 * The preload bridge: one object, `window.gencaster`, typed from the contract. The page never
 * sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type {
  ConnectionState,
  EventName,
  EventPayloads,
  GencasterBridge,
} from '../src-main/core/contract/contract'
import { ipcChannels } from '../src-main/core/contract/ipc-channels'

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
