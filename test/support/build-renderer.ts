/**
 * Vitest's global setup: builds the renderer once for the whole run, as browser mode serves it
 * (`out/renderer`), so every end-to-end test drives today's code and none builds it again.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export default function buildRenderer(): void {
  mkdirSync(join(root, 'test-artifacts', 'e2e'), { recursive: true })
  execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
}
