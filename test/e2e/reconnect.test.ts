import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { missingTool } from '../support/required-tool.js'
import {
  freeTcpPort,
  freeUdpPort,
  startServe,
  type ServeProcess,
} from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')

describe.skipIf(missingTool('chromium', 'chromium'))(
  'the control room when the core restarts mid-show',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let serve: ServeProcess | undefined

    beforeAll(async () => {
      data = makeTempDir('reconnect')
      browser = await launchChromium()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await serve?.stop()
      data?.remove()
    })

    it('reconnects by itself with the same link and shows what the new core sees', async () => {
      const ports = { oscPort: await freeUdpPort(), httpPort: await freeTcpPort() }
      serve = await startServe(data.path, [], ports)
      const link = serve.url
      const page = await browser.context.newPage()
      await page.goto(link)
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')

      await serve.stop()
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('disconnected')

      serve = await startServe(data.path, [], ports)
      expect(serve.url).toBe(link)
      await expect
        .poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 })
        .toBe('connected')
      const instance = await OscTestClient.open()
      await instance.send(ports.oscPort, '/beacon', [
        'name',
        'after-restart',
        'lang_port',
        instance.port,
      ])
      await instance.close()
      await page.locator('[data-point="after-restart"]').waitFor({ timeout: 10_000 })
      await page.screenshot({
        path: join(root, 'test-artifacts', 'e2e', '12-after-core-restart.png'),
      })
    })
  },
)
