/** Where browser mode reports what goes wrong at its edge (the core's log when it runs). */
export type BrowserLog = (level: 'WARNING' | 'ERROR', message: string) => void

/** Without a core to log to: stderr. */
export const consoleBrowserLog: BrowserLog = (level, message) =>
  console.error(`${level} browser_mode: ${message}`)
