import type { StateCreator } from 'zustand'
import type { AlertsSlice, AppState } from './app-state'

export const createAlertsSlice: StateCreator<AppState, [], [], AlertsSlice> = (set) => ({
  alerts: [],
  raiseAlert: (key, text, actions) =>
    set((state) => ({
      alerts: [
        ...state.alerts.filter((alert) => alert.key !== key),
        { key, text, at: Date.now(), ...(actions ? { actions } : {}) },
      ],
    })),
  dismissAlert: (key) =>
    set((state) =>
      state.alerts.some((alert) => alert.key === key)
        ? { alerts: state.alerts.filter((alert) => alert.key !== key) }
        : state,
    ),
})
