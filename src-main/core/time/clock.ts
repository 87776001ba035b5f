/** Time as the core sees it: injectable so that tests can move it. */
export interface Clock {
  /** Wall-clock time in epoch milliseconds (stored, shown to people). */
  now(): number
  /** A monotonic time in milliseconds with sub-millisecond resolution (for round trips). */
  monotonic(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
}

let lastEpochMs = Number.NaN
let lastIso = ''

/** Timestamps are stored as ISO-8601 text so that any SQLite tool shows them readably. */
export function toIso(epochMs: number): string {
  // Thousands of messages share a millisecond under load; format it once.
  if (epochMs !== lastEpochMs) {
    lastEpochMs = epochMs
    lastIso = new Date(epochMs).toISOString()
  }
  return lastIso
}
