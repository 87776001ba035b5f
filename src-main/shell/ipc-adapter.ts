import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { ContractDispatcher } from '../core/contract/dispatcher.js'
import { ipcChannels } from '../core/contract/ipc-channels.js'

/**
 * Serves the contract to one window over IPC. Every request's sender is checked: only the main
 * frame of this window, showing our own page, is answered.
 */
export function serveContractOverIpc(
  dispatcher: ContractDispatcher,
  window: BrowserWindow,
  isOwnPage: (url: string) => boolean,
): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    event.sender === window.webContents &&
    event.senderFrame !== null &&
    event.senderFrame === window.webContents.mainFrame &&
    isOwnPage(event.senderFrame.url)
  ipcMain.handle(ipcChannels.request, (event, method: unknown, params: unknown) =>
    trusted(event)
      ? dispatcher.handle(String(method), params)
      : { ok: false, error: 'request from an untrusted frame refused' },
  )
  const unsubscribe = dispatcher.subscribe((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.event, name, payload)
  })
  return () => {
    ipcMain.removeHandler(ipcChannels.request)
    unsubscribe()
  }
}
