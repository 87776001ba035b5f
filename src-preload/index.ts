/**
 * The preload bridge: one object, `window.gencaster`, typed from the contract. The page never
 * sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ConnectionState, EventBatchFrame, GencasterBridge } from '../src-main/contract'
import { createEventFanOut } from '../src-main/contract/event-fan-out'
import { ipcChannels } from '../src-main/contract'

/** Subscribes to one IPC channel; the returned function unsubscribes. */
function listen(channel: string, handler: (event: IpcRendererEvent, ...args: unknown[]) => void) {
  ipcRenderer.on(channel, handler)
  return () => {
    ipcRenderer.removeListener(channel, handler)
  }
}

// Each IPC message on the event channel is one turn's events (EventBatchFrame); one listener
// unpacks it, so the page's listeners hear the events in the order the core emitted them.
const events = createEventFanOut()
listen(ipcChannels.event, (_event, batch) => events.deliver(batch as EventBatchFrame))

const api: GencasterBridge = {
  request: (method, params) => ipcRenderer.invoke(ipcChannels.request, method, params),
  on: (event, listener) => events.on(event, listener),
  onConnection(listener) {
    // The window opens once the core runs: connected until the shell says otherwise.
    listener('connected')
    return listen(ipcChannels.connection, (_event, state) => {
      if (state === 'connected' || state === 'disconnected') listener(state as ConnectionState)
    })
  },
}

contextBridge.exposeInMainWorld('gencaster', api)
