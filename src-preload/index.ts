/**
 * The preload bridge: one object, `window.gencaster`, typed from the contract. The page never
 * sees ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { EventName, EventPayloads, GencasterApi } from '../src-main/core/contract/contract'
import { ipcChannels } from '../src-main/core/contract/ipc-channels'

const api: GencasterApi = {
  request: (method, params) => ipcRenderer.invoke(ipcChannels.request, method, params),
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
    const handler = (_event: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) listener(payload as EventPayloads[E])
    }
    ipcRenderer.on(ipcChannels.event, handler)
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, handler)
    }
  },
}

contextBridge.exposeInMainWorld('gencaster', api)
