import type { StreamPoint } from './stream-point.js'

/** The oldest `last_live` that still counts as online, as stored (ISO text). */
export function liveSinceIso(nowMs: number, onlineWindowMs: number): string {
  return new Date(nowMs - onlineWindowMs).toISOString()
}

/** Online = a beacon within the window (the original's STREAM_MAX_BEACON_SEC). */
export function isOnline(point: StreamPoint, nowMs: number, onlineWindowMs: number): boolean {
  return point.lastLive !== null && Date.parse(point.lastLive) >= nowMs - onlineWindowMs
}
