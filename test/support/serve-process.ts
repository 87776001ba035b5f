import { spawn, type ChildProcess } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface ServeProcess {
  readonly process: ChildProcess
  readonly url: string
  readonly oscPort: number
  output(): string
  stop(): Promise<void>
}

/** A free UDP port on 127.0.0.1 (closed again before use). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4')
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', () => done()))
  const { port } = socket.address()
  await new Promise<void>((done) => socket.close(() => done()))
  return port
}

/** `npm run serve` in browser mode (without its build step: the caller builds once). */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  ports: { oscPort?: number; httpPort?: number } = {},
): Promise<ServeProcess> {
  const oscPort = ports.oscPort ?? (await freeUdpPort())
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    [
      'src-main/headless/serve.ts',
      '--osc-host',
      '127.0.0.1',
      '--osc-port',
      String(oscPort),
      '--data-dir',
      dataDir,
      '--password',
      'e2e',
      '--http-port',
      String(ports.httpPort ?? 0),
      ...extraArgs,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const deadline = Date.now() + 20_000
  let url: string | undefined
  while (!url) {
    url = /Control room: open (\S+)/.exec(output)?.[1] ?? linkFromTokenFile(output, dataDir)
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`serve did not start:\n${output}`)
    await new Promise((done) => setTimeout(done, 50))
  }
  return {
    process: child,
    url,
    oscPort,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/**
 * A later start prints the link without its token (only a new token is printed): the link is
 * then the printed address with the token the data directory keeps, as a performer would put it.
 */
function linkFromTokenFile(output: string, dataDir: string): string | undefined {
  const address = /Control room: (http\S+)/.exec(output)?.[1]
  if (address === undefined) return undefined
  const link = new URL(address)
  link.searchParams.set('token', readFileSync(join(dataDir, 'browser-mode-token'), 'utf8').trim())
  return link.toString()
}

/** A free TCP port on 127.0.0.1 (closed again before use). */
export async function freeTcpPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()))
  const address = server.address()
  await new Promise<void>((done) => server.close(() => done()))
  return typeof address === 'object' && address ? address.port : 0
}

/** `serve.ts` started headless (no browser mode), with its output collected. */
export interface HeadlessServe {
  readonly process: ChildProcess
  output(): string
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>
  /** Waits until the output contains `text` (15 s at most). */
  until(text: string): Promise<void>
  /** The pid of the core itself: tsx runs it in a child process of its own (Linux /proc). */
  corePid(): number
}

export function spawnHeadlessServe(args: string[]): HeadlessServe {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['src-main/headless/serve.ts', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  return {
    process: child,
    output: () => output,
    exited,
    corePid: () => {
      const pid = child.pid!
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
      return children === '' ? pid : Number(children.split(/\s+/)[0])
    },
    until: async (text) => {
      const deadline = Date.now() + 15_000
      while (!output.includes(text)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`no "${text}" in:\n${output}`)
        await new Promise((done) => setTimeout(done, 25))
      }
    },
  }
}
