import { chmodSync, statSync } from 'node:fs'

/**
 * Makes a secret file readable and writable by its owner only (0600) when its mode lets its
 * group or others in, e.g. after a copy or an editor's save with the default umask.
 * @returns the mode it had (e.g. 0o644) when it was tightened; undefined when it was already
 *   owner-only.
 */
export function tightenToOwnerOnly(file: string): number | undefined {
  const mode = statSync(file).mode & 0o777
  if ((mode & 0o077) === 0) return undefined
  chmodSync(file, 0o600)
  return mode
}

/** A mode as people read it: `0644`. */
export function octalMode(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`
}
