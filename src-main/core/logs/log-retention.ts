import type { StreamLogEntry } from '../../contract/index.js'
import {
  approximateBytes,
  type LogSize,
  type StreamLogRepository,
} from '../db/repositories/stream-log-repository.js'

/**
 * Lines with this name are the OSC server's own rejections and flood summaries: noise that
 * anyone on the network can cause. They get a tenth of the budget and are pruned first, so a
 * flood never pushes out the show's own lines (instances' console, instructions, the app's).
 */
export const rejectionLogName = 'osc_server'

export interface LogRetentionOptions {
  readonly repository: StreamLogRepository
  /** The newest lines kept. */
  readonly rows: number
  /** The newest lines kept, in approximate bytes on disk. */
  readonly bytes: number
}

interface Budget {
  readonly rows: number
  /** Rows allowed over `rows` before a prune: one DELETE per so many lines, not one per line. */
  readonly slackRows: number
  readonly bytes: number
  /** Only lines with this name, or all. */
  readonly only: string | undefined
}

/**
 * Keeps `stream_log` within its bounds in rows and bytes. The sizes are counted as lines are
 * written (measured once at start), so checking costs nothing and a prune deletes only the
 * oldest lines that are over, instead of scanning the table.
 */
export class LogRetention {
  private readonly all: { rows: number; bytes: number }
  private readonly noise: { rows: number; bytes: number }
  private readonly allBudget: Budget
  private readonly noiseBudget: Budget

  constructor(private readonly options: LogRetentionOptions) {
    const slackRows = Math.max(1, Math.min(1000, Math.ceil(options.rows / 10)))
    this.allBudget = { rows: options.rows, slackRows, bytes: options.bytes, only: undefined }
    this.noiseBudget = {
      rows: Math.ceil(options.rows / 10),
      slackRows: Math.ceil(slackRows / 10),
      bytes: Math.ceil(options.bytes / 10),
      only: rejectionLogName,
    }
    const sizes = options.repository.measure(rejectionLogName)
    this.all = { ...sizes.all }
    this.noise = { ...sizes.named }
  }

  /** Counts a line just stored, and prunes the oldest when a bound is passed. */
  added(entry: StreamLogEntry): void {
    const bytes = approximateBytes(entry)
    this.all.rows += 1
    this.all.bytes += bytes
    if (entry.name === rejectionLogName) {
      this.noise.rows += 1
      this.noise.bytes += bytes
    }
    if (isOver(this.noise, this.noiseBudget)) this.prune(this.noise, this.noiseBudget)
    if (isOver(this.all, this.allBudget)) this.prune(this.all, this.allBudget)
  }

  private prune(size: LogSize, budget: Budget): void {
    // Down to the row bound, and to 95 % of the byte bound so that the next lines fit. One
    // DELETE sized from the average line; a line still over asks for the next on its own.
    const excessRows = size.rows - budget.rows
    const excessBytes = size.bytes - budget.bytes * 0.95
    if (excessRows <= 0 && excessBytes <= 0) return
    const averageBytes = size.rows > 0 ? size.bytes / size.rows : 1
    const count = Math.max(1, excessRows, Math.ceil(excessBytes / averageBytes))
    this.options.repository.deleteOldest(count, rejectionLogName, budget.only, (gone) => {
      this.all.rows -= gone.all.rows
      this.all.bytes -= gone.all.bytes
      this.noise.rows -= gone.named.rows
      this.noise.bytes -= gone.named.bytes
      if (gone.all.rows === 0) {
        // The counts drifted (lines still waiting for a degraded storage): count again.
        const sizes = this.options.repository.measure(rejectionLogName)
        Object.assign(this.all, sizes.all)
        Object.assign(this.noise, sizes.named)
      }
    })
  }
}

function isOver(size: LogSize, budget: Budget): boolean {
  return size.rows > budget.rows + budget.slackRows || size.bytes > budget.bytes
}
