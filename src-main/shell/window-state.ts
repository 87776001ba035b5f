import type { BrowserWindow, Rectangle } from 'electron'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const fileName = 'window-state.json'

/** The window's last size and position, or undefined on a first start or a broken file. */
export function loadWindowBounds(userDataDir: string): Rectangle | undefined {
  try {
    const bounds = JSON.parse(
      readFileSync(join(userDataDir, fileName), 'utf8'),
    ) as Partial<Rectangle>
    const valid = ['x', 'y', 'width', 'height'].every((key) =>
      Number.isFinite(bounds[key as keyof Rectangle]),
    )
    return valid ? (bounds as Rectangle) : undefined
  } catch {
    return undefined
  }
}

/** Remembers the size and position whenever the window closes. */
export function rememberWindowBounds(window: BrowserWindow, userDataDir: string): void {
  window.on('close', () => {
    try {
      writeFileSync(join(userDataDir, fileName), JSON.stringify(window.getNormalBounds()))
    } catch {
      // Not remembering a window size is no reason to keep the app from quitting.
    }
  })
}
