import type { StateCreator } from 'zustand'
import type { StreamLogEntry } from '../../src-main/contract'
import type { AppState, LogFilter, LogsSlice } from './app-state'

export const maxLogLines = 2000

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
