import { rmSync } from 'node:fs'
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
const unsaved = '"typed before the new token"'

describe.skipIf(missingTool('chromium', 'chromium'))(
  'an open page when the core restarts with a new token (browser mode)',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let serve: ServeProcess | undefined

    beforeAll(async () => {
      data = makeTempDir('new-token')
      browser = await launchChromium()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await serve?.stop()
      data?.remove()
    })

    it('says why it cannot reconnect, and keeps the editor text', async () => {
      const ports = { oscPort: await freeUdpPort(), httpPort: await freeTcpPort() }
      serve = await startServe(data.path, [], ports)
      const oldToken = new URL(serve.url).searchParams.get('token')
      const page = await browser.context.newPage()
      await page.goto(serve.url)
      const connection = () => page.getByTestId('connection').textContent()
      await expect.poll(connection).toBe('connected')
      const banner = page.getByRole('alert').filter({ hasText: 'no longer valid' })

      // A core that is only away is not a wrong link: the page says "disconnected", no more.
      await serve.stop()
      await expect.poll(connection).toBe('disconnected')
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(unsaved)
      // Past several refused reconnects and their probes.
      await new Promise((done) => setTimeout(done, 3500))
      expect(await banner.count()).toBe(0)

      rmSync(join(data.path, 'browser-mode-token'))
      serve = await startServe(data.path, [], ports)
      expect(new URL(serve.url).searchParams.get('token')).not.toBe(oldToken)
      expect(await banner.textContent({ timeout: 10_000 })).toContain(
        'This link is no longer valid: the core has a new token. Open the new link it printed.',
      )
      expect(await connection()).toBe('disconnected')
      // Not reloaded: what was typed is still in the editor.
      expect(await page.locator('.cm-content').textContent()).toBe(unsaved)
      await page.screenshot({ path: join(artifacts, '32-link-no-longer-valid.png') })

      // The new link works, and its page has no banner; its cookie lets the old page back in
      // too, with its text, and the banner goes.
      const fresh = await browser.context.newPage()
      await fresh.goto(serve.url)
      await expect.poll(() => fresh.getByTestId('connection').textContent()).toBe('connected')
      expect(await fresh.getByRole('alert').count()).toBe(0)
      await expect.poll(connection, { timeout: 10_000 }).toBe('connected')
      await expect.poll(() => banner.count()).toBe(0)
      expect(await page.locator('.cm-content').textContent()).toBe(unsaved)
    })
  },
)
