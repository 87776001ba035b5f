import type { StateCreator } from 'zustand'
import type { AppState } from './store'

/** A failure the performer must see: it stays on screen until dismissed. */
export interface Alert {
  /** What failed, e.g. 'stop' or 'save': a new alert of the same key replaces the old one. */
  readonly key: string
  readonly text: string
  readonly at: number
}

export interface AlertsSlice {
  /** Oldest first. */
  alerts: Alert[]
  raiseAlert(key: string, text: string): void
  dismissAlert(key: string): void
}

export const createAlertsSlice: StateCreator<AppState, [], [], AlertsSlice> = (set) => ({
  alerts: [],
  raiseAlert: (key, text) =>
    set((state) => ({
      alerts: [...state.alerts.filter((alert) => alert.key !== key), { key, text, at: Date.now() }],
    })),
  dismissAlert: (key) =>
    set((state) =>
      state.alerts.some((alert) => alert.key === key)
        ? { alerts: state.alerts.filter((alert) => alert.key !== key) }
        : state,
    ),
})
