import type { StreamLogEntry } from '../../contract/index.js'
import type { CoreEvents } from '../events/core-events.js'
import type { LogQuery, StreamLogRepository } from '../db/repositories/stream-log-repository.js'
import { toIso, type Clock } from '../time/clock.js'
import { clipText } from './clip-text.js'
import { LogRetention } from './log-retention.js'
import type { NewLogEntry } from './new-log-entry.js'

export interface LogServiceOptions {
  readonly repository: StreamLogRepository
  readonly events: CoreEvents
  readonly clock: Clock
  /** The newest lines kept; older ones are deleted so a chatty instance cannot fill the disk. */
  readonly retentionRows: number
  /** The same bound in approximate bytes: a few huge lines weigh as much as many small ones. */
  readonly retentionBytes?: number
}

/** The longest message stored; a longer one is cut and says how long it was. */
export const maxLogMessageChars = 8192
const maxLogNameChars = 200

/** Writes StreamLog lines, announces them, and keeps the table within its retention bound. */
export class LogService {
  private readonly retention: LogRetention

  constructor(private readonly options: LogServiceOptions) {
    this.retention = new LogRetention({
      repository: options.repository,
      rows: options.retentionRows,
      bytes: options.retentionBytes ?? 64 * 1024 * 1024,
    })
  }

  write(entry: NewLogEntry): StreamLogEntry {
    // Lines come from outside (instances, any sender's OSC): none may be of any size.
    const bounded: NewLogEntry = {
      ...entry,
      message: clipText(entry.message, maxLogMessageChars),
      name: entry.name == null ? null : clipText(entry.name, maxLogNameChars),
    }
    const stored = this.options.repository.add(bounded, toIso(this.options.clock.now()))
    this.retention.added(stored)
    this.options.events.emit('log-added', stored)
    return stored
  }

  /** Newest first. */
  query(query: LogQuery = {}): StreamLogEntry[] {
    return this.options.repository.query(query)
  }
}
