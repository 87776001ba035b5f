import { MalformedOscMessageError } from './osc-errors.js'

/**
 * Turns the flat `[k1, v1, k2, v2, ...]` list that SuperCollider sends into a record.
 * Values are never echoed in errors: a list may carry a password.
 * @throws MalformedOscMessageError for an odd-length list or a key that is not a string.
 */
export function parseKeyValueList(args: readonly unknown[]): Record<string, unknown> {
  if (args.length % 2 !== 0) {
    throw new MalformedOscMessageError(
      `expected a flat key/value list, got an odd number of arguments (${args.length})`,
    )
  }
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (let index = 0; index < args.length; index += 2) {
    const key = args[index]
    if (typeof key !== 'string' || key.length === 0) {
      throw new MalformedOscMessageError(`argument ${index} should be a key (a string)`)
    }
    fields[key] = args[index + 1]
  }
  return fields
}
