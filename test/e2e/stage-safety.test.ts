import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { missingTool } from '../support/required-tool.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const password = 'stage-secret-4711'

describe.skipIf(missingTool('chromium', 'chromium'))('the control room on stage', () => {
  let data: ReturnType<typeof makeTempDir>
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let serve: ServeProcess | undefined

  beforeAll(async () => {
    data = makeTempDir('remote-password')
    browser = await launchChromium()
    // The last --password wins over the one startServe passes.
    serve = await startServe(data.path, ['--password', password])
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    data?.remove()
  })

  it('is hidden until "show" is clicked, and hidden again on a click', async () => {
    const page = await browser.context.newPage()
    await page.goto(serve!.url)
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    const header = page.getByTestId('remote-password')
    expect(await header.textContent()).toContain('••••••')
    // Not in the page at all before it is asked for.
    expect(await page.content()).not.toContain(password)

    await page.getByTestId('remote-password-show').click()
    const value = page.getByTestId('remote-password-value')
    await expect.poll(() => value.textContent()).toBe(password)
    expect(await value.getAttribute('title')).toContain('set by --password')
    await page.screenshot({ path: join(root, 'test-artifacts', 'e2e', '20-remote-password.png') })

    await value.click()
    await expect.poll(() => value.count()).toBe(0)
    expect(await page.content()).not.toContain(password)
    // Nor did it reach the terminal.
    expect(serve!.output()).not.toContain(password)
  })

  it("shows a log line's control characters as marked escapes, in the list and in full", async () => {
    const page = await browser.context.newPage()
    await page.goto(serve!.url)
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    const sender = await OscTestClient.open()
    await sender.send(serve!.oscPort, '/log', [
      'level',
      'ERROR',
      'message',
      'wipe\x1b[2J and forge\rINFO all points OK',
    ])
    await sender.close()
    const line = page.getByTestId('log-line').filter({ hasText: 'wipe' })
    await expect
      .poll(() => line.textContent())
      .toContain('wipe\\x1b[2J and forge\\rINFO all points OK')
    // The escapes are marked as such (named on hover), not text that merely looks like them.
    expect(await line.locator('.control-character').allTextContents()).toEqual(['\\x1b', '\\r'])
    expect(await line.locator('.control-character').first().getAttribute('title')).toBe('ESC')
    await line.click()
    const detail = await page.getByTestId('log-detail').textContent()
    expect(detail).toContain('\\x1b[2J')
    expect(detail).not.toContain('\x1b')
    expect(detail).not.toContain('\r')
    await page.screenshot({
      path: join(root, 'test-artifacts', 'e2e', '21-control-characters.png'),
    })
  })
})
