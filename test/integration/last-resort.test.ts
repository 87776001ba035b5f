import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')

describe('the last resort of npm run serve', () => {
  it('logs an uncaught exception and an unhandled rejection and keeps the process running', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done) => {
      execFile(
        join(root, 'node_modules/.bin/tsx'),
        ['test/support/last-resort-child.ts'],
        { cwd: root, timeout: 20_000 },
        (error, stdout, stderr) =>
          done({ code: error ? (error.code as number | null) : 0, output: stdout + stderr }),
      )
    })
    expect(output).toContain(
      'logged: uncaught exception (kept running): Error: thrown from a timer',
    )
    expect(output).toContain(
      'logged: unhandled rejection (kept running): Error: rejected, never awaited',
    )
    expect(output).toContain('still alive')
    expect(code).toBe(0)
  })
})
