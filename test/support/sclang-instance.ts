import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { makeTempDir } from './temp-dir.js'

/** The quark performers install; tests load it straight from the repository. */
export const quarkPath = resolve(import.meta.dirname, '../../resources/supercollider/Gencaster')

export interface SclangInstance {
  readonly process: ChildProcess
  /** Everything sclang printed so far. */
  output(): string
  /** Ends sclang; `crash` uses SIGKILL, as a power cut or a hung machine would. */
  stop(options?: { crash?: boolean }): Promise<void>
}

/** The environment headless Debian sclang needs when run as root (REAL_STACK.md). */
export const sclangEnv = {
  ...process.env,
  QT_QPA_PLATFORM: 'offscreen',
  QTWEBENGINE_DISABLE_SANDBOX: '1',
}

/**
 * Starts a real sclang with the Gencaster quark on its include path, running `code` (for
 * example `GencasterInstance(...).start`).
 */
export function startSclang(code: string): SclangInstance {
  const dir = makeTempDir('sclang')
  const config = join(dir.path, 'sclang_conf.yaml')
  writeFileSync(
    config,
    `includePaths:\n    - ${quarkPath}\nexcludePaths: []\npostInlineWarnings: false\n`,
  )
  const script = join(dir.path, 'start.scd')
  writeFileSync(script, `(\n${code}\n)\n`)
  const child = spawn('sclang', ['-l', config, script], {
    env: sclangEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  return {
    process: child,
    output: () => output,
    stop: async (options = {}) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(options.crash ? 'SIGKILL' : 'SIGTERM')
        await exited
      }
      dir.remove()
    },
  }
}

/** sclang code that starts an instance beaconing to a core on 127.0.0.1. */
export function instanceCode(options: {
  backendPort: number
  name: string
  beaconInterval?: number
  extra?: string
}): string {
  return [
    `~gencaster = GencasterInstance(name: "${options.name}", backendHost: "127.0.0.1",`,
    `  backendPort: ${options.backendPort}, beaconInterval: ${options.beaconInterval ?? 0.5},`,
    `  janusOutRoom: ${7000 + (options.backendPort % 1000)}, janusOutPort: 5000, useInput: false).start;`,
    options.extra ?? '',
  ].join('\n')
}
