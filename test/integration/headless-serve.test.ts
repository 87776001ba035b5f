import { spawn } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../support/temp-dir.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { freeUdpPort, startServe } from '../support/serve-process.js'

const root = resolve(import.meta.dirname, '../..')
const tsx = join(root, 'node_modules/.bin/tsx')

interface Running {
  output: () => string
  exited: Promise<number | null>
  kill: (signal: NodeJS.Signals) => void
}

function serve(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(tsx, ['src-main/headless/serve.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return {
    output: () => output,
    exited: new Promise((done) => child.once('exit', (code) => done(code))),
    kill: (signal) => child.kill(signal),
  }
}

async function until(running: Running, text: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!running.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${running.output()}`)
    await new Promise((done) => setTimeout(done, 25))
  }
}

describe('npm run serve (the core under plain Node)', () => {
  it('serves OSC, logs to stdout, and on SIGTERM closes the database and exits 0', async () => {
    const dir = makeTempDir('serve')
    const port = await freeUdpPort()
    const running = serve(
      ['--osc-host', '127.0.0.1', '--osc-port', String(port), '--data-dir', dir.path],
      {
        BACKEND_OSC_PASSWORD: 'pw-from-env',
      },
    )
    try {
      await until(running, `OSC on udp://127.0.0.1:${port}`)
      const client = await OscTestClient.open()
      await client.send(port, '/remote/action', remoteActionArgs({ password: 'nope' }))
      await client.close()
      await until(running, 'wrong password')
      expect(running.output()).not.toContain('pw-from-env')
      running.kill('SIGTERM')
      expect(await running.exited).toBe(0)
      // A cleanly closed WAL database leaves no -wal file behind.
      expect(existsSync(join(dir.path, 'gencaster.sqlite'))).toBe(true)
      expect(existsSync(join(dir.path, 'gencaster.sqlite-wal'))).toBe(false)
    } finally {
      running.kill('SIGKILL')
      dir.remove()
    }
  })

  it('ends with a clear message when the OSC port is taken', async () => {
    const dir = makeTempDir('serve')
    const blocker = createSocket('udp4')
    await new Promise<void>((done) => blocker.bind(0, '127.0.0.1', () => done()))
    const running = serve([
      '--osc-host',
      '127.0.0.1',
      '--osc-port',
      String(blocker.address().port),
      '--data-dir',
      dir.path,
    ])
    try {
      expect(await running.exited).toBe(1)
      expect(running.output()).toContain(
        `OSC port ${blocker.address().port} on 127.0.0.1 is already taken`,
      )
    } finally {
      blocker.close()
      dir.remove()
    }
  })

  it('ends with a clear message for an unusable data directory and for bad settings', async () => {
    const dir = makeTempDir('serve')
    const file = join(dir.path, 'not-a-directory')
    writeFileSync(file, '')
    try {
      const unusable = serve(['--osc-port', '0', '--data-dir', join(file, 'data')])
      expect(await unusable.exited).toBe(1)
      expect(unusable.output()).toContain(`cannot use data directory ${join(file, 'data')}`)
      const bad = serve(['--osc-port', 'lots', '--data-dir', dir.path])
      expect(await bad.exited).toBe(1)
      expect(bad.output()).toContain('flag --osc-port: expected a number')
    } finally {
      dir.remove()
    }
  })
})

describe('browser mode across restarts', () => {
  it('keeps its link (token) for the data directory, readable by its owner only', async () => {
    const dir = makeTempDir('serve-token')
    try {
      const first = await startServe(dir.path)
      const firstToken = new URL(first.url).searchParams.get('token')
      await first.stop()
      const second = await startServe(dir.path)
      const secondToken = new URL(second.url).searchParams.get('token')
      await second.stop()
      expect(firstToken).toMatch(/^[\w-]{24,}$/)
      expect(secondToken).toBe(firstToken)
      // Printed when it is made, never again: a terminal may be projected at every start.
      expect(first.output()).toContain(firstToken)
      expect(second.output()).not.toContain(firstToken)
      expect(second.output()).toContain("the link's token is in")
      expect(statSync(join(dir.path, 'browser-mode-token')).mode & 0o777).toBe(0o600)
      // Deleting the file rotates the token.
      rmSync(join(dir.path, 'browser-mode-token'))
      const third = await startServe(dir.path)
      expect(new URL(third.url).searchParams.get('token')).not.toBe(firstToken)
      await third.stop()
    } finally {
      dir.remove()
    }
  })
})
