/** Whether the core's writes reach the database; shown loudly in the UI while degraded. */
export interface StorageHealth {
  readonly state: 'ok' | 'degraded'
  /** Why writes are paused ("disk full", "database locked by another program"). */
  readonly reason?: string
  /** ISO-8601: when writes stopped reaching the database. */
  readonly since?: string
  /** Writes kept in memory, waiting for the database. */
  readonly waiting: number
  /** Log lines given up to keep the waiting writes within their bound (never answers). */
  readonly dropped: number
}

export const healthyStorage: StorageHealth = { state: 'ok', waiting: 0, dropped: 0 }
