import { logLevelName } from '../contract/index.js'
import type { CoreEvents, Disposer } from '../core/events/core-events.js'
import { escapeControlCharacters } from './terminal-safe-text.js'

/**
 * Prints every StreamLog line to stdout, so a headless core is readable in a terminal. Names
 * and messages come from the network: their control characters are printed as escapes.
 */
export function printLogLines(events: CoreEvents, write: (line: string) => void): Disposer {
  return events.on('log-added', (entry) => {
    const where = entry.name === null ? entry.origin : `${entry.origin}/${entry.name}`
    write(
      escapeControlCharacters(
        `${entry.createdDate} ${logLevelName(entry.level).padEnd(8)} ${where}: ${entry.message}`,
      ),
    )
  })
}
