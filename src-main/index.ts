/**
 * The Electron shell: starts the core with Electron's own build of better-sqlite3 and opens the
 * window. Everything else lives in src-main/core, which never imports electron.
 */
import { logLevels } from './contract/index.js'
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { loadSettings } from './core/config/load-settings.js'
import { GencasterCore } from './core/gencaster-core.js'
import { installLastResort } from './core/process/last-resort.js'
import { electronSqliteBinding } from './shell/native-binding.js'
import type { ContractDispatcher } from './core/dispatch/contract-dispatcher.js'
import { installAppMenu } from './shell/app-menu.js'
import { serveContractOverIpc } from './shell/ipc-adapter.js'
import { createMainWindow } from './shell/main-window.js'

let core: GencasterCore | undefined
let dispatcher: ContractDispatcher | undefined
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')

// As in browser mode: what no edge caught goes to the core's log (the window shows it) and the
// core, OSC included, keeps running; Electron's default for the main process is a crash dialog.
installLastResort((message) => {
  if (core)
    core.log.write({ origin: 'graph_engine', level: logLevels.ERROR, name: 'last_resort', message })
  else console.error(message)
})

/** Stops serving each open window: it then hears 'disconnected' before the core closes. */
const stopServingWindows = new Set<() => void>()

function openWindow(): void {
  if (!dispatcher) return
  const { window, isOwnPage } = createMainWindow(preloadPath, app.getPath('userData'))
  const stopServing = serveContractOverIpc(dispatcher, window, isOwnPage)
  stopServingWindows.add(stopServing)
  window.on('closed', () => {
    stopServingWindows.delete(stopServing)
    stopServing()
  })
}

async function startApp(): Promise<void> {
  const nativeBinding = electronSqliteBinding(app.getAppPath(), process.versions.electron)
  if (nativeBinding === undefined) {
    throw new Error(
      'better-sqlite3 has no Electron build yet: start the app with `npm start`, which makes it.',
    )
  }
  const { settings, passwordSource } = loadSettings({
    argv: process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => arg.startsWith('--')),
    env: { GENCASTER_DATA_DIR: app.getPath('userData'), ...process.env },
  })
  core = await GencasterCore.start({ settings, nativeBinding, passwordSource })
  dispatcher = core.dispatcher
  installAppMenu()
  openWindow()
}

app
  .whenReady()
  .then(startApp, () => undefined)
  .catch((error: unknown) => {
    dialog.showErrorBox(
      'Gencaster Desktop cannot start',
      error instanceof Error ? error.message : String(error),
    )
    app.exit(1)
  })

app.on('window-all-closed', () => app.quit())

app.on('before-quit', (event) => {
  if (!core) return
  // Drain the core (close the OSC socket, write what is pending, close the database) first.
  event.preventDefault()
  for (const stopServing of stopServingWindows) stopServing()
  stopServingWindows.clear()
  const closing = core
  core = undefined
  void closing.close().finally(() => app.quit())
})

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) openWindow()
})
