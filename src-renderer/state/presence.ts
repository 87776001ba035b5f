import type { StreamPoint } from '../../src-main/core/contract/contract'

export type Presence = 'online' | 'stale' | 'offline'

/** Beacons come every 5 s by default: three missed ones make a point "stale" before offline. */
export const staleAfterMs = 15_000

export function presenceOf(point: StreamPoint, nowMs: number, onlineWindowMs: number): Presence {
  if (point.lastLive === null) return 'offline'
  const age = nowMs - Date.parse(point.lastLive)
  if (age >= onlineWindowMs) return 'offline'
  return age >= Math.min(staleAfterMs, onlineWindowMs / 2) ? 'stale' : 'online'
}

/** "3 s", "2 min", "1 h": the age of the last beacon. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  return `${Math.round(seconds / 3600)} h`
}
