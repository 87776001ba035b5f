import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import type { BrowserLog } from '../../src-main/headless/browser-log.js'
import { BrowserServer, type BrowserServerOptions } from '../../src-main/headless/browser-server.js'
import { startCore, type CoreFixture } from './core-fixture.js'
import { OscTestClient } from './osc-test-client.js'
import { rawRequest } from './raw-http.js'
import { makeTempDir } from './temp-dir.js'
import { waitFor } from './wait-for.js'

export interface BrowserServerFixture {
  readonly core: CoreFixture
  readonly server: BrowserServer
  readonly url: URL
  readonly port: number
  readonly token: string
  /** What the server logged at its edge. */
  readonly logged: string[]
  /** A WebSocket to /ws with the token and the page's own origin. */
  connect(): Promise<WebSocket>
  /**
   * Fails unless the page is still served and the core behind it still takes OSC: a beacon
   * named `name` from `instance` (or a fresh socket) shows up as a point.
   */
  stillServing(name: string, instance?: OscTestClient): Promise<void>
  close(): Promise<void>
}

/** The content of a file beside the renderer folder, which no answer may ever hold. */
export const outsideTheSite = 'outside the site: never served'

/** A real core behind a real BrowserServer serving a tiny renderer folder. */
export async function startBrowserServer(
  options: Partial<Omit<BrowserServerOptions, 'dispatcher' | 'rendererDir'>> = {},
): Promise<BrowserServerFixture> {
  const core = await startCore()
  const site = makeTempDir('site')
  const rendererDir = join(site.path, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<div id="root"></div>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  // Right beside the renderer folder: one ".." away, and never to be served.
  writeFileSync(join(site.path, 'secret.txt'), outsideTheSite)
  const logged: string[] = []
  const log: BrowserLog = (level, message) => logged.push(`${level} ${message}`)
  const server = new BrowserServer({
    host: '127.0.0.1',
    port: 0,
    log,
    ...options,
    rendererDir,
    dispatcher: core.core.dispatcher,
  })
  const url = new URL(await server.start())
  const token = url.searchParams.get('token')!
  return {
    core,
    server,
    url,
    port: Number(url.port),
    token,
    logged,
    connect: () => {
      const socket = new WebSocket(`ws://${url.host}/ws?token=${token}`, {
        headers: { origin: `http://${url.host}` },
      })
      return new Promise((resolve, reject) => {
        socket.once('open', () => resolve(socket))
        socket.once('error', reject)
      })
    },
    stillServing: async (name, instance) => {
      const answer = await rawRequest(Number(url.port), 'GET', `/?token=${token}`)
      if (answer.status !== 200) throw new Error(`the page answered ${answer.status} after ${name}`)
      const sender = instance ?? (await OscTestClient.open())
      try {
        await sender.send(core.oscPort, '/beacon', ['name', name, 'lang_port', sender.port])
      } finally {
        if (!instance) await sender.close()
      }
      await waitFor(`the beacon of ${name}`, () =>
        core.core.points.list().find((point) => point.scName === name),
      )
    },
    close: async () => {
      await server.close()
      site.remove()
      await core.close()
    },
  }
}
