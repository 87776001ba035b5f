import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeOscDatagram } from '../../src-main/core/osc/osc-codec.js'
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
const artifacts = join(root, 'test-artifacts', 'e2e')
const awayCode = '"typed while the core was away"'

describe.skipIf(missingTool('chromium', 'chromium'))(
  'a request made while the core is unreachable (browser mode)',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let serve: ServeProcess | undefined
    let instance: OscTestClient | undefined

    beforeAll(async () => {
      data = makeTempDir('away')
      browser = await launchChromium()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await instance?.close()
      await serve?.stop()
      data?.remove()
    })

    it('is never sent when the core comes back, and the page says so; a STOP says so loudly', async () => {
      const ports = { oscPort: await freeUdpPort(), httpPort: await freeTcpPort() }
      serve = await startServe(data.path, [], ports)
      // An instance on real UDP that keeps every instruction it is sent.
      const client = await OscTestClient.open()
      instance = client
      const received: string[] = []
      client.onMessage((datagram) => {
        for (const message of decodeOscDatagram(datagram)) received.push(String(message.args[1]))
      })
      const beacon = () =>
        client.send(ports.oscPort, '/beacon', ['name', 'away-alpha', 'lang_port', client.port])
      await beacon()
      const page = await browser.context.newPage()
      await page.goto(serve.url)
      await page.locator('[data-point="away-alpha"]').waitFor({ timeout: 10_000 })
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')

      await serve.stop()
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('disconnected')
      // Past the page's first reconnect attempt: today's bug queued requests on the next socket.
      await new Promise((done) => setTimeout(done, 1500))
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(awayCode)
      await page.keyboard.press('Control+Enter')
      await page.getByTestId('panic').click()

      serve = await startServe(data.path, [], ports)
      await expect
        .poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 })
        .toBe('connected')
      await beacon()
      // Give a queued request every chance to go out on the new connection.
      await new Promise((done) => setTimeout(done, 3000))
      expect(received).toEqual([])
      const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
      try {
        expect(db.prepare('SELECT instruction_text FROM stream_instruction').pluck().all()).toEqual(
          [],
        )
      } finally {
        db.close()
      }

      // The page said at once that neither went out.
      const row = page.getByTestId('evaluation').filter({ hasText: awayCode })
      expect(await row.locator('.cell.failure').textContent({ timeout: 5000 })).toBe(
        'not sent: not connected to the core',
      )
      const banner = page.getByRole('alert').filter({ hasText: 'STOP NOT SENT' })
      expect(await banner.textContent({ timeout: 5000 })).toContain('not connected to the core')
      await page.screenshot({ path: join(artifacts, '22-not-sent-while-away.png') })
      await banner.getByRole('button', { name: 'dismiss' }).click()
      await expect.poll(() => banner.count()).toBe(0)
    })
  },
)
