import type { CoreEvents } from '../events/core-events.js'
import type { LogQuery, StreamLogRepository } from '../db/repositories/stream-log-repository.js'
import { toIso, type Clock } from '../time/clock.js'
import type { NewLogEntry, StreamLogEntry } from './stream-log.js'

export interface LogServiceOptions {
  readonly repository: StreamLogRepository
  readonly events: CoreEvents
  readonly clock: Clock
  /** The newest lines kept; older ones are deleted so a chatty instance cannot fill the disk. */
  readonly retentionRows: number
}

/** Writes StreamLog lines, announces them, and keeps the table within its retention bound. */
export class LogService {
  private writesSincePrune = 0
  private readonly pruneEvery: number

  constructor(private readonly options: LogServiceOptions) {
    // Pruning is one DELETE; doing it every few hundred writes keeps the table within about
    // 10 % of the bound without paying for it on every line.
    this.pruneEvery = Math.max(1, Math.min(1000, Math.ceil(options.retentionRows / 10)))
  }

  write(entry: NewLogEntry): StreamLogEntry {
    const stored = this.options.repository.add(entry, toIso(this.options.clock.now()))
    this.writesSincePrune += 1
    if (this.writesSincePrune >= this.pruneEvery) {
      this.writesSincePrune = 0
      this.options.repository.pruneKeepingNewest(this.options.retentionRows)
    }
    this.options.events.emit('log-added', stored)
    return stored
  }

  /** Newest first. */
  query(query: LogQuery = {}): StreamLogEntry[] {
    return this.options.repository.query(query)
  }
}
