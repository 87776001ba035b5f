import type { LogLevel, LogOrigin, StreamLogEntry } from '../../src-main/contract'
import type { StateCreator } from 'zustand'
import type { AppState } from './store'

export const maxLogLines = 2000

export interface LogFilter {
  readonly minLevel: LogLevel
  readonly text: string
  /** Where lines come from (SuperCollider, Janus, the graph engine), or '' for all. */
  readonly origin: LogOrigin | ''
  /** A point uuid, or '' for all. */
  readonly streamPoint: string
}

export interface LogsSlice {
  /** Newest first. */
  logs: StreamLogEntry[]
  logsPaused: boolean
  /** Lines that arrived while paused, shown when the tail resumes. */
  heldLogs: StreamLogEntry[]
  logFilter: LogFilter
  addLogs(entries: readonly StreamLogEntry[]): void
  setLogsPaused(paused: boolean): void
  setLogFilter(filter: Partial<LogFilter>): void
}

export const createLogsSlice: StateCreator<AppState, [], [], LogsSlice> = (set) => ({
  logs: [],
  logsPaused: false,
  heldLogs: [],
  logFilter: { minLevel: 0, text: '', origin: '', streamPoint: '' },
  addLogs: (entries) =>
    set((state) => {
      const newestFirst = [...entries].reverse()
      if (state.logsPaused)
        return { heldLogs: [...newestFirst, ...state.heldLogs].slice(0, maxLogLines) }
      return { logs: [...newestFirst, ...state.logs].slice(0, maxLogLines) }
    }),
  setLogsPaused: (paused) =>
    set((state) =>
      paused
        ? { logsPaused: true }
        : {
            logsPaused: false,
            heldLogs: [],
            logs: [...state.heldLogs, ...state.logs].slice(0, maxLogLines),
          },
    ),
  setLogFilter: (filter) => set((state) => ({ logFilter: { ...state.logFilter, ...filter } })),
})

/** The lines the panel shows. */
export function filterLogs(logs: readonly StreamLogEntry[], filter: LogFilter): StreamLogEntry[] {
  const text = filter.text.toLowerCase()
  return logs.filter(
    (entry) =>
      entry.level >= filter.minLevel &&
      (filter.origin === '' || entry.origin === filter.origin) &&
      (filter.streamPoint === '' || entry.streamPoint === filter.streamPoint) &&
      (text === '' || entry.message.toLowerCase().includes(text)),
  )
}
