import { execFileSync } from 'node:child_process'

/**
 * Whether a command from the real stack is on this machine. A test that needs a missing one
 * skips with a printed reason on a user's machine and fails under CI=true, where .ci/run has
 * installed everything.
 */
export function hasTool(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** `describe.skipIf(...)` input for a test file that needs `command`. */
export function missingTool(command: string, debianPackage: string): boolean {
  if (hasTool(command)) return false
  const reason = `${command} not found: install Debian's ${debianPackage} to run these tests`
  if (process.env.CI === 'true') throw new Error(`CI: ${reason}`)
  console.warn(`skipping: ${reason}`)
  return true
}
