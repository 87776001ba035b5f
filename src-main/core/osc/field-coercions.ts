import { z } from 'zod'

/*
 * Field types that accept what real SuperCollider clients send (README, "OSC protocol"):
 * integers that may come as strings read from environment variables, booleans as 0/1.
 */

/** A Janus room id: a non-negative integer that survives a round trip through a double. */
export const oscRoom = z.preprocess(
  (value) =>
    typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value.trim()) : value,
  z
    .number({ error: 'expected a room number' })
    .int({ error: 'expected a room number' })
    .min(0, { error: 'expected a room number (0 or more)' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'expected a room number (a safe integer)' }),
)

export const oscPort = z.preprocess(
  (value) =>
    typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value.trim()) : value,
  z
    .number({ error: 'expected a port number' })
    .int({ error: 'expected a port number' })
    .min(0, { error: 'expected a port number (0-65535)' })
    .max(65535, { error: 'expected a port number (0-65535)' }),
)

const booleanWords: Record<string, boolean> = { true: true, false: false, '1': true, '0': false }

export const oscBoolean = z.preprocess(
  (value) => {
    if (value === 0 || value === 1) return value === 1
    if (typeof value === 'string' && value.toLowerCase() in booleanWords) {
      return booleanWords[value.toLowerCase()]
    }
    return value
  },
  z.boolean({ error: 'expected a boolean (true/false or 1/0)' }),
)

export const oscString = z.preprocess(
  (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
  z.string({ error: 'expected a string' }),
)

/**
 * A string of at most `maxChars` characters. Anyone can send a beacon, so every stored or
 * shown field has a bound: one datagram must not put 60,000 characters on the dashboard.
 */
export function oscBoundedString(maxChars: number) {
  return oscString.pipe(z.string().max(maxChars, { error: `longer than ${maxChars} characters` }))
}
