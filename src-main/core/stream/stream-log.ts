/** Log levels as in Python's logging module, without FATAL and WARN (seed: StreamLog.LogLevel). */
export const logLevels = {
  CRITICAL: 50,
  ERROR: 40,
  WARNING: 30,
  INFO: 20,
  DEBUG: 10,
  NOTSET: 0,
} as const
export type LogLevel = (typeof logLevels)[keyof typeof logLevels]

export const logOrigins = ['graph_engine', 'supercollider', 'janus'] as const
export type LogOrigin = (typeof logOrigins)[number]

/** One log line (seed: StreamLog). */
export interface StreamLogEntry {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly streamPoint: string | null
  readonly stream: string | null
  readonly origin: LogOrigin
  readonly level: LogLevel
  readonly message: string
  readonly name: string | null
}

/** What a caller supplies to write a log line. */
export interface NewLogEntry {
  readonly origin: LogOrigin
  readonly level: LogLevel
  readonly message: string
  readonly name?: string | null
  readonly streamPoint?: string | null
  readonly stream?: string | null
}

export function logLevelName(level: LogLevel): string {
  const entry = Object.entries(logLevels).find(([, value]) => value === level)
  return entry?.[0] ?? String(level)
}
