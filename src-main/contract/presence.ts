/**
 * The one presence rule, for the core (which points get code, which count as online) and the
 * page (the dashboard's dots) alike: online while the last beacon is at most the online window
 * old (the original's STREAM_MAX_BEACON_SEC), "stale" in the window's later part.
 */
export type Presence = 'online' | 'stale' | 'offline'

/** Beacons come every 5 s by default: three missed ones make a point "stale" before offline. */
export const staleAfterMs = 15_000

/** The oldest `last_live` that still counts as online, in milliseconds since the epoch. */
export function liveSinceMs(nowMs: number, onlineWindowMs: number): number {
  return nowMs - onlineWindowMs
}

/** What the rule reads of a point: when its last beacon came (ISO-8601), if ever. */
export interface Beaconed {
  readonly lastLive: string | null
}

/** Online = a beacon within the window, its last instant included. */
export function isOnline(point: Beaconed, nowMs: number, onlineWindowMs: number): boolean {
  return point.lastLive !== null && Date.parse(point.lastLive) >= liveSinceMs(nowMs, onlineWindowMs)
}

/** Online, stale (online, but beacons have been missed) or offline. */
export function presenceOf(point: Beaconed, nowMs: number, onlineWindowMs: number): Presence {
  if (point.lastLive === null || !isOnline(point, nowMs, onlineWindowMs)) return 'offline'
  const age = nowMs - Date.parse(point.lastLive)
  return age >= Math.min(staleAfterMs, onlineWindowMs / 2) ? 'stale' : 'online'
}
