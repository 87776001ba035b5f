import type { LogLevel, LogOrigin } from '../../contract/index.js'

/** What a caller supplies to write a log line (the stored line is the contract's StreamLogEntry). */
export interface NewLogEntry {
  readonly origin: LogOrigin
  readonly level: LogLevel
  readonly message: string
  readonly name?: string | null
  readonly streamPoint?: string | null
  readonly stream?: string | null
}
