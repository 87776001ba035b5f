import type { StateCreator } from 'zustand'
import type { AppState } from './store'

/** A failure the performer must see: it stays on screen until dismissed. */
export interface Alert {
  /** What failed, e.g. 'stop' or 'save': a new alert of the same key replaces the old one. */
  readonly key: string
  readonly text: string
  readonly at: number
  /** Choices the alert offers (a conflict's "keep mine" / "take theirs"); it has no dismiss then. */
  readonly actions?: readonly AlertAction[]
}

/** One button on an alert. */
export interface AlertAction {
  readonly label: string
  run(): void
}

export interface AlertsSlice {
  /** Oldest first. */
  alerts: Alert[]
  raiseAlert(key: string, text: string, actions?: readonly AlertAction[]): void
  dismissAlert(key: string): void
}

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
