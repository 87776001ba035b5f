import { ipcMain, type BrowserWindow } from 'electron'
import type { ConnectionState } from '../contract/index.js'
import type { ContractDispatcher } from '../core/dispatch/contract-dispatcher.js'
import { ipcChannels } from '../contract/index.js'
import { linkContractToIpc } from './ipc-contract-link.js'
import { isTrustedSender } from './ipc-sender-check.js'

/**
 * Serves the contract to one window over IPC. Every request's sender is checked: only the main
 * frame of this window, showing our own page, is answered. The returned stop tells the page
 * 'disconnected' (call it before the core closes, while the window still lives), so requests
 * made while the app quits fail at once instead of waiting for their deadline. The shell does
 * not restart a core; a page would reload its snapshot if a new one served it.
 */
export function serveContractOverIpc(
  dispatcher: ContractDispatcher,
  window: BrowserWindow,
  isOwnPage: (url: string) => boolean,
): () => void {
  const signal = (state: ConnectionState) => {
    if (!window.isDestroyed()) window.webContents.send(ipcChannels.connection, state)
  }
  // Each turn's events go out as one message, and before the answer that follows them.
  const link = linkContractToIpc(dispatcher, {
    isDestroyed: () => window.isDestroyed(),
    send: (channel, ...args) => window.webContents.send(channel, ...args),
  })
  ipcMain.handle(ipcChannels.request, (event, method: unknown, params: unknown) =>
    isTrustedSender(event, window.webContents, isOwnPage)
      ? link.answer(String(method), params)
      : { ok: false, error: 'request from an untrusted frame refused' },
  )
  signal('connected')
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    ipcMain.removeHandler(ipcChannels.request)
    link.close()
    signal('disconnected')
  }
}
