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
export type LogLevelName = keyof typeof logLevels

/** Every level's value, highest first. */
export const logLevelValues: readonly LogLevel[] = Object.values(logLevels)

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

/** A level's name ("WARNING"), or its number for a value no level has. */
export function logLevelName(level: number): string {
  const entry = Object.entries(logLevels).find(([, value]) => value === level)
  return entry?.[0] ?? String(level)
}
