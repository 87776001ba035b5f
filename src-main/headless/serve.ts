/**
 * `npm run serve`: the core under plain Node, logging to stdout.
 * SIGINT/SIGTERM finish what is pending, close the database and exit 0 (see close-on-signals).
 */
import { logLevels } from '../contract/index.js'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadSettings, SettingsError } from '../core/config/load-settings.js'
import { CoreEvents } from '../core/events/core-events.js'
import { GencasterCore } from '../core/gencaster-core.js'
import { BrowserServer } from './browser-server.js'
import { closeOnSignals } from './close-on-signals.js'
import { printLogLines } from './console-log-sink.js'
import { installLastResort } from '../core/process/last-resort.js'
import { loadOrCreateSessionToken, sessionTokenFile } from './stored-session-token.js'

/** The renderer as `electron-vite build` leaves it. */
const rendererDir = resolve(import.meta.dirname, '../../out/renderer')

function httpPort(value: string | boolean | undefined): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SettingsError(`flag --http-port: expected a port number (0-65535), got "${value}"`)
  }
  return port
}

/** Set once the core runs: the last resort and browser mode log into it. */
let running: GencasterCore | undefined

/** A line of the core's log (printed by printLogLines), or stderr before the core runs. */
function logProblem(level: 'WARNING' | 'ERROR', name: string, message: string): void {
  try {
    if (running) {
      running.log.write({ origin: 'graph_engine', level: logLevels[level], name, message })
      return
    }
  } catch {
    // The database is closing or closed: the terminal still gets the line.
  }
  console.error(`${level} ${name}: ${message}`)
}

async function main(): Promise<void> {
  installLastResort((message) => logProblem('ERROR', 'last_resort', message))
  const { settings, settingsFile, extra, passwordSource } = loadSettings({
    argv: process.argv.slice(2),
    env: process.env,
    extraFlags: { 'http-port': { type: 'string' }, host: { type: 'string' } },
  })
  const port = httpPort(extra['http-port'])
  if (port !== undefined && !existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(`browser mode needs the built renderer in ${rendererDir}: run npm run build`)
  }
  // Listening before the start: it logs instructions left unanswered and a storage problem.
  const events = new CoreEvents((error) => console.error('core event listener failed:', error))
  printLogLines(events, (line) => console.log(line))
  const core = await GencasterCore.start({ settings, passwordSource, events })
  running = core
  let browser: BrowserServer | undefined
  if (port !== undefined) {
    // Only this machine unless --host opens it to the network (a tablet on stage).
    const host = typeof extra.host === 'string' ? extra.host : '127.0.0.1'
    let newLink = false
    const token = loadOrCreateSessionToken(settings.dataDir, undefined, () => (newLink = true))
    browser = new BrowserServer({
      host,
      port,
      rendererDir,
      dispatcher: core.dispatcher,
      token,
      log: (level, message) => logProblem(level, 'browser_mode', message),
    })
    try {
      const link = new URL(await browser.start())
      if (newLink) console.log(`Control room: open ${link.toString()}`)
      else {
        // The token is the control room's key (code, STOP, the remote password): printed once,
        // when it is made, not on every start of a terminal that may be projected.
        link.search = ''
        console.log(
          `Control room: ${link.toString()} (a browser that opened the link before gets in; ` +
            `the link's token is in ${sessionTokenFile(settings.dataDir)})`,
        )
      }
    } catch (error) {
      await core.close()
      throw new Error(
        `cannot serve the control room on ${host}:${port}: ${(error as Error).message}`,
      )
    }
  }
  const osc = core.oscAddress
  console.log(
    `Gencaster core: OSC on udp://${osc.host}:${osc.port}, data in ${settings.dataDir}` +
      (settingsFile ? `, settings from ${settingsFile}` : ''),
  )
  // Where the password is, never the password: screens are projected, terminals are logged.
  const remote = core.remotePassword
  console.log(
    `remote-action password: ${remote.file === undefined ? `from the ${remote.source}` : `kept in ${remote.file}`}` +
      (port === undefined ? '' : '; show it in the control room'),
  )
  closeOnSignals({
    // The browser server cuts half-open requests after 2 s; the core closes in well under 1 s.
    close: async () => {
      await Promise.all([browser?.close(), core.close()])
    },
    deadlineMs: 5000,
    print: (line) => console.log(line),
  })
}

main().catch((error: unknown) => {
  // Expected failures (taken port, bad settings, unusable data dir) carry a message for people.
  console.error(`gencaster: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
