import { createServer, type Server } from 'node:http'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { missingTool } from '../support/required-tool.js'
import {
  freeTcpPort,
  freeUdpPort,
  startServe,
  type ServeProcess,
} from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')

describe.skipIf(missingTool('chromium', 'chromium'))(
  'browser mode in Chromium beside other pages and other cores',
  () => {
    let browser: Awaited<ReturnType<typeof launchChromium>>
    const dirs: ReturnType<typeof makeTempDir>[] = []
    const serves: ServeProcess[] = []

    beforeAll(async () => {
      browser = await launchChromium()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      for (const serve of serves) await serve.stop()
      for (const dir of dirs) dir.remove()
    })

    async function serveIn(ports?: { oscPort: number; httpPort: number }): Promise<ServeProcess> {
      const dir = makeTempDir('isolation')
      dirs.push(dir)
      const serve = await startServe(dir.path, [], ports)
      serves.push(serve)
      return serve
    }

    it('cannot be framed by another local page', async () => {
      const serve = await serveIn()
      // Another origin on the same machine (any page the performer opens could be this one).
      const framing: Server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' })
        response.end(`<h1>other page</h1><iframe id="room" src="${serve.url}"></iframe>`)
      })
      await new Promise<void>((done) => framing.listen(0, '127.0.0.1', () => done()))
      const address = framing.address()
      const port = typeof address === 'object' && address ? address.port : 0
      const page = await browser.context.newPage()
      try {
        await page.goto(`http://127.0.0.1:${port}/`)
        const frame = await (await page.locator('#room').elementHandle())!.contentFrame()
        // Chromium refuses to render it there (frame-ancestors 'none'): an error page instead.
        await expect
          .poll(() => frame!.url(), { timeout: 10_000 })
          .toBe('chrome-error://chromewebdata/')
        await page.screenshot({ path: join(artifacts, '20-framing-refused.png') })
        // The same link opened as a page of its own works.
        const own = await browser.context.newPage()
        await own.goto(serve.url)
        await expect.poll(() => own.getByTestId('connection').textContent()).toBe('connected')
        await own.close()
      } finally {
        await page.close()
        // Chromium keeps its connection alive; close() alone would wait for it.
        framing.closeAllConnections()
        await new Promise<void>((done) => framing.close(() => done()))
      }
    })

    it('keeps a tab of one core connected when a second core on another port is opened', async () => {
      const portsA = { oscPort: await freeUdpPort(), httpPort: await freeTcpPort() }
      let first = await serveIn(portsA)
      const tabA = await browser.context.newPage()
      await tabA.goto(first.url)
      await expect.poll(() => tabA.getByTestId('connection').textContent()).toBe('connected')

      const second = await serveIn()
      const tabB = await browser.context.newPage()
      await tabB.goto(second.url)
      await expect.poll(() => tabB.getByTestId('connection').textContent()).toBe('connected')

      // The first core restarts (same data dir, same link): its tab reconnects with its cookie.
      await first.stop()
      await expect.poll(() => tabA.getByTestId('connection').textContent()).toBe('disconnected')
      first = await startServe(dirs.at(-2)!.path, [], portsA)
      serves.push(first)
      await expect
        .poll(() => tabA.getByTestId('connection').textContent(), { timeout: 10_000 })
        .toBe('connected')
      await tabA.screenshot({ path: join(artifacts, '21-first-core-after-second-opened.png') })
      await tabA.close()
      await tabB.close()
    })
  },
)
