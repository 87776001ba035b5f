import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OscTestClient } from '../support/osc-test-client.js'
import { freeUdpPort } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')

async function until(output: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${output()}`)
    await new Promise((done) => setTimeout(done, 25))
  }
}

describe("npm run serve's terminal", () => {
  it('prints what comes from the network with its control characters escaped, and never the password', async () => {
    const dir = makeTempDir('serve-terminal')
    const port = await freeUdpPort()
    const child = spawn(
      join(root, 'node_modules/.bin/tsx'),
      [
        'src-main/headless/serve.ts',
        '--osc-host',
        '127.0.0.1',
        '--osc-port',
        String(port),
        '--data-dir',
        dir.path,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')))
    const exited = new Promise((done) => child.once('exit', done))
    const sender = await OscTestClient.open()
    try {
      await until(() => output, `OSC on udp://127.0.0.1:${port}`)
      const passwordFile = join(dir.path, 'remote-action-password')
      expect(output).toContain(`remote-action password: kept in ${passwordFile}`)
      const password = readFileSync(passwordFile, 'utf8').trim()
      await sender.send(port, '/log', ['level', 'INFO', 'message', 'clear\x1b[2J\x1b[H'])
      await sender.send(port, '/log', [
        'level',
        'INFO',
        'message',
        'forged\r2026-12-01T20:00:00.000Z INFO     supercollider/sc-1: all points OK\nnext',
      ])
      await sender.send(port, '/\x1b]0;pwned\x07', [])
      await until(() => output, 'all points OK')
      await until(() => output, 'pwned')
      expect(output).toContain('clear\\x1b[2J\\x1b[H')
      expect(output).toContain('forged\\r2026-12-01T20:00:00.000Z INFO')
      expect(output).toContain('all points OK\\nnext')
      expect(output).toContain('rejected /\\x1b]0;pwned\\x07 from')
      expect(output).not.toContain('\x1b')
      expect(output).not.toContain('\r')
      expect(output).not.toContain('\x07')
      expect(output).not.toContain(password)
    } finally {
      await sender.close()
      child.kill('SIGTERM')
      await exited
      dir.remove()
    }
  }, 40_000)
})
