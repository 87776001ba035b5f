import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { CuttableProxy } from '../support/cuttable-proxy.js'
import { missingTool } from '../support/required-tool.js'
import { instanceCode, startSclang, type SclangInstance } from '../support/sclang-instance.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')
const skip = missingTool('chromium', 'chromium') || missingTool('sclang', 'supercollider-language')

/** What a tablet on stage shows while the venue's Wi-Fi comes and goes. */
describe.skipIf(skip)('a performer on a tablet when the network is pulled', () => {
  let data: ReturnType<typeof makeTempDir>
  let serve: ServeProcess
  let sclang: SclangInstance
  let proxy: CuttableProxy
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page

  beforeAll(async () => {
    data = makeTempDir('network')
    serve = await startServe(data.path, ['--answer-timeout', '5'])
    sclang = startSclang(instanceCode({ backendPort: serve.oscPort, name: 'net-alpha' }))
    proxy = await CuttableProxy.start(Number(new URL(serve.url).port))
    browser = await launchChromium()
    page = await browser.context.newPage()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await proxy?.close()
    await sclang?.stop()
    await serve?.stop()
    data?.remove()
  })

  const connection = () => page.getByTestId('connection').textContent()
  const editorText = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.cm-content .cm-line')]
        .map((line) => line.textContent)
        .join('\n'),
    )
  const storedTexts = (): string[] => {
    const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
    try {
      return db.prepare('SELECT text FROM editor_document').pluck().all() as string[]
    } finally {
      db.close()
    }
  }
  const sentCodes = (): string[] => {
    const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
    try {
      return db.prepare('SELECT instruction_text FROM stream_instruction').pluck().all() as string[]
    } finally {
      db.close()
    }
  }

  it('says so within seconds, sends nothing late, keeps the typing, and carries on when it is back', async () => {
    const link = new URL(serve.url)
    link.port = String(proxy.port)
    await page.goto(link.toString())
    await page.locator('[data-point="net-alpha"]').waitFor({ timeout: 15_000 })
    await expect.poll(connection).toBe('connected')

    // Type with a pause past the save delay, then evaluate the line.
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.press('Delete')
    await page.keyboard.type('a = 20 + 1;', { delay: 40 })
    await page.waitForTimeout(1000)
    await page.keyboard.press('Control+Enter')
    const newestCell = () =>
      page.getByTestId('evaluation').first().getByTestId('result-cell').first().textContent()
    await expect.poll(newestCell, { timeout: 10_000 }).toContain('21')

    // The cable is pulled: nothing closes, yet the page must say so by itself.
    proxy.cut()
    const cutAt = Date.now()
    await expect.poll(connection, { timeout: 15_000 }).toBe('disconnected')
    const noticedMs = Date.now() - cutAt
    expect(noticedMs).toBeLessThan(12_000)
    // What it shows now is the last it heard, and it says so.
    expect(await page.locator('.connection-hint').textContent()).toBe(
      'points and answers as last seen',
    )
    expect(await page.locator('main.layout').getAttribute('class')).toContain('stale')

    // The performer keeps typing and evaluates: the text stays, the code is not sent.
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('b = "typed offline";', { delay: 40 })
    await page.keyboard.press('Shift+Enter')
    const offlineRow = page.getByTestId('evaluation').filter({ hasText: 'typed offline' })
    expect(await offlineRow.locator('.cell.failure').textContent({ timeout: 5000 })).toContain(
      'not sent',
    )
    await page.getByTestId('panic').click()
    const banner = page.getByRole('alert').filter({ hasText: 'STOP NOT SENT' })
    await banner.waitFor({ timeout: 5000 })
    await page.screenshot({ path: join(artifacts, '30-network-pulled.png') })

    // Plugged back in: connected again by itself, the offline typing saved, nothing sent late.
    proxy.restore()
    await expect.poll(connection, { timeout: 15_000 }).toBe('connected')
    const typed = 'a = 20 + 1;\nb = "typed offline";'
    expect(await editorText()).toBe(typed)
    await expect.poll(storedTexts, { timeout: 10_000 }).toContain(typed)
    await page.waitForTimeout(2000)
    expect(sentCodes().some((code) => code.includes('typed offline'))).toBe(false)
    expect(sentCodes().some((code) => code.includes('CmdPeriod'))).toBe(false)

    // And the show goes on: back in the editor (STOP took the focus), the cursor where it was,
    // the next evaluation reaches the instance and answers.
    await page.locator('.cm-content').focus()
    await page.keyboard.press('Control+Enter')
    await expect.poll(newestCell, { timeout: 10_000 }).toContain('typed offline')
    await page.screenshot({ path: join(artifacts, '31-network-back.png') })
  }, 90_000)
})
