import { createStore } from 'zustand/vanilla'
import { createAlertsSlice } from './alerts-slice'
import type { AppState } from './app-state'
import { createEvaluationsSlice } from './evaluations-slice'
import { createInstructionsSlice } from './instructions-slice'
import { createLogsSlice } from './logs-slice'
import { createPointsSlice } from './points-slice'
import { createSessionSlice } from './session-slice'
import { createStorageSlice } from './storage-slice'

/** A fresh store (one per page; tests make their own), made of the typed slices. */
export function createAppStore() {
  return createStore<AppState>()((...args) => ({
    ...createPointsSlice(...args),
    ...createInstructionsSlice(...args),
    ...createEvaluationsSlice(...args),
    ...createLogsSlice(...args),
    ...createSessionSlice(...args),
    ...createStorageSlice(...args),
    ...createAlertsSlice(...args),
  }))
}

export type AppStore = ReturnType<typeof createAppStore>
