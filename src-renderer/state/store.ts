import { createStore } from 'zustand/vanilla'
import { createAlertsSlice, type AlertsSlice } from './alerts-slice'
import { createInstructionsSlice, type InstructionsSlice } from './instructions-slice'
import { createLogsSlice, type LogsSlice } from './logs-slice'
import { createPointsSlice, type PointsSlice } from './points-slice'
import { createSessionSlice, type SessionSlice } from './session-slice'
import { createStorageSlice, type StorageSlice } from './storage-slice'

/** The whole UI state: one store made of typed slices. */
export type AppState = PointsSlice &
  InstructionsSlice &
  LogsSlice &
  SessionSlice &
  StorageSlice &
  AlertsSlice

/** A fresh store (one per page; tests make their own). */
export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createPointsSlice(...args),
    ...createInstructionsSlice(...args),
    ...createLogsSlice(...args),
    ...createSessionSlice(...args),
    ...createStorageSlice(...args),
    ...createAlertsSlice(...args),
  }))
}

export type AppStore = ReturnType<typeof createAppStore>
