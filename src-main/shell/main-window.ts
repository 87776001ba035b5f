import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { loadWindowBounds, rememberWindowBounds } from './window-state.js'

export interface MainWindow {
  readonly window: BrowserWindow
  /** Whether a URL is our own page (the built renderer, or the dev server in development). */
  readonly isOwnPage: (url: string) => boolean
}

/** The control-room window: sandboxed, isolated, no Node in the page, no navigation away. */
export function createMainWindow(preloadPath: string, userDataDir: string): MainWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    ...loadWindowBounds(userDataDir),
    title: 'Gencaster Desktop',
    backgroundColor: '#15171a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      // A middle click must not open links around the navigation guards below.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  rememberWindowBounds(window, userDataDir)
  // The control room needs no camera, microphone, notifications or the like: refuse them all.
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  const devServer = process.env.ELECTRON_RENDERER_URL
  const page =
    devServer ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).toString()
  const isOwnPage = (url: string) =>
    url.split(/[?#]/)[0] === page.split(/[?#]/)[0] ||
    (devServer !== undefined && url.startsWith(devServer))
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void window.loadURL(page)
  return { window, isOwnPage }
}
