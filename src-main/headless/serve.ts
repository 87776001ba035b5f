/**
 * `npm run serve`: the core under plain Node, logging to stdout.
 * SIGINT/SIGTERM finish what is pending, close the database and exit 0.
 */
import { loadSettings } from '../core/config/load-settings.js'
import { GencasterCore } from '../core/gencaster-core.js'
import { printLogLines } from './console-log-sink.js'

async function main(): Promise<void> {
  const { settings, settingsFile } = loadSettings({ argv: process.argv.slice(2), env: process.env })
  const core = await GencasterCore.start({ settings })
  printLogLines(core.events, (line) => console.log(line))
  const { host, port } = core.oscAddress
  console.log(
    `Gencaster core: OSC on udp://${host}:${port}, data in ${settings.dataDir}` +
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
    core.close().then(
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
