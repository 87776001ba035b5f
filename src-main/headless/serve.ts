/**
 * `npm run serve`: the core under plain Node, logging to stdout.
 * SIGINT/SIGTERM finish what is pending, close the database and exit 0.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadSettings, SettingsError } from '../core/config/load-settings.js'
import { ContractDispatcher } from '../core/contract/dispatcher.js'
import { CoreEvents } from '../core/events/core-events.js'
import { GencasterCore } from '../core/gencaster-core.js'
import { BrowserServer } from './browser-server.js'
import { printLogLines } from './console-log-sink.js'
import { loadOrCreateSessionToken } from './stored-session-token.js'

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

async function main(): Promise<void> {
  const { settings, settingsFile, extra } = loadSettings({
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
  const core = await GencasterCore.start({ settings, events })
  let browser: BrowserServer | undefined
  if (port !== undefined) {
    // Only this machine unless --host opens it to the network (a tablet on stage).
    const host = typeof extra.host === 'string' ? extra.host : '127.0.0.1'
    browser = new BrowserServer({
      host,
      port,
      rendererDir,
      dispatcher: new ContractDispatcher(core),
      token: loadOrCreateSessionToken(settings.dataDir),
    })
    try {
      console.log(`Control room: open ${await browser.start()}`)
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
  if (settings.password === undefined) {
    console.log(
      'No password set (--password or BACKEND_OSC_PASSWORD): remote actions will be refused.',
    )
  }
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: closing`)
    Promise.all([browser?.close(), core.close()]).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('closing failed:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  // Expected failures (taken port, bad settings, unusable data dir) carry a message for people.
  console.error(`gencaster: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
