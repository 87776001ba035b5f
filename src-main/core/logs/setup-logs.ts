import type { DomainModule } from '../dispatch/contract-handlers.js'
import { withinBudget } from '../dispatch/wire-events.js'
import { LogService, type LogServiceOptions } from './log-service.js'

export interface LogsModule extends DomainModule<'queryLogs'> {
  readonly log: LogService
}

/**
 * Bound of one log answer in UTF-16 code units (close enough to bytes): a flooded log once made
 * a 40 MB snapshot that every page load and reconnect waited half a second for.
 */
const queryLogBudget = 2 * 1024 * 1024
export const logEntrySize = (entry: { message: string }) => entry.message.length + 200

/** The StreamLog: written by every domain, queried by the control room. */
export function setupLogs(options: LogServiceOptions): LogsModule {
  const log = new LogService(options)
  return {
    log,
    handlers: {
      queryLogs: (query) => withinBudget(log.query(query), logEntrySize, queryLogBudget),
    },
    close: () => {},
  }
}
