import { stopCode } from '../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { missingTool } from '../support/required-tool.js'
import { instanceCode, startSclang, type SclangInstance } from '../support/sclang-instance.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')
const skip = missingTool('chromium', 'chromium') || missingTool('sclang', 'supercollider-language')

/** What a performer trial of the control room found: each test one defect it hit. */
describe.skipIf(skip)('the control room as a performer uses it (browser mode, real sclang)', () => {
  let data: ReturnType<typeof makeTempDir>
  let serve: ServeProcess
  let sclang: SclangInstance
  let browser: Awaited<ReturnType<typeof launchChromium>>
  let page: Page

  beforeAll(async () => {
    data = makeTempDir('trial')
    serve = await startServe(data.path, ['--answer-timeout', '5'])
    sclang = startSclang(instanceCode({ backendPort: serve.oscPort, name: 'trial-alpha' }))
    browser = await launchChromium()
    page = await browser.context.newPage()
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await sclang?.stop()
    await serve?.stop()
    data?.remove()
  })

  const editorText = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.cm-content .cm-line')]
        .map((line) => line.textContent)
        .join('\n'),
    )
  const stopsSent = (): number => {
    const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
    try {
      return db
        .prepare('SELECT count(*) FROM stream_instruction WHERE instruction_text = ?')
        .pluck()
        .get(stopCode) as number
    } finally {
      db.close()
    }
  }
  /** The left edge of each character of `locator`'s first text node, in the order typed. */
  const characterLefts = (locator: Locator) =>
    locator.evaluate((element) => {
      const node = element.firstChild!
      const range = document.createRange()
      return [...(node.textContent ?? '')].map((_char, index) => {
        range.setStart(node, index)
        range.setEnd(node, index + 1)
        return range.getBoundingClientRect().left
      })
    })

  it('loads without a console error, the favicon included', async () => {
    const errors: string[] = []
    const failed: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    await page.goto(serve.url)
    await page.locator('[data-point="trial-alpha"]').waitFor({ timeout: 20_000 })
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    // Past the moment the browser asks for an icon the page names none of.
    await new Promise((done) => setTimeout(done, 1000))
    expect(failed).toEqual([])
    expect(errors).toEqual([])
  })

  it('takes the token out of the address bar once loaded; a reload still gets in', async () => {
    await page.goto(serve.url)
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
    expect(new URL(page.url()).pathname).toBe(new URL(serve.url).pathname)
    await page.reload()
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    await page.locator('[data-point="trial-alpha"]').waitFor({ timeout: 10_000 })
  })

  it('keeps the typing in the editor after a click on STOP, and stops once', async () => {
    await page.goto(serve.url)
    await page.locator('[data-point="trial-alpha"].presence-online').waitFor({ timeout: 10_000 })
    await page.locator('.cm-content').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('"typing on"')
    expect(stopsSent()).toBe(0)
    await page.getByTestId('panic').click()
    await expect.poll(stopsSent).toBe(1)
    await page.keyboard.type(' more')
    await expect.poll(editorText).toBe('"typing on" more')
    // Every space a STOP that kept the focus would have pressed again has had time to arrive.
    await new Promise((done) => setTimeout(done, 1500))
    expect(stopsSent()).toBe(1)
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null)).toBe(
      true,
    )
  })

  it('opens the tab that was open before a reload', async () => {
    await page.goto(serve.url)
    await page.getByRole('tab', { selected: true }).waitFor()
    await page.getByRole('button', { name: 'new document' }).click()
    const second = page.getByRole('tab', { name: 'Untitled 2' })
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true')
    await page.reload()
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    await page.getByRole('tab', { name: 'Untitled 1' }).waitFor()
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Untitled 2')
  })

  it('shows a long name with a bidi override and an escape marked, cut short, and in its place', async () => {
    await page.goto(serve.url)
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
    const client = await OscTestClient.open()
    try {
      // Just within the 200 characters a beacon's name may have.
      const name = `rtl\u202e${'n'.repeat(185)}\x1b[2Jend`
      await client.send(serve.oscPort, '/beacon', ['name', name, 'lang_port', client.port])
      const row = page.locator(`[data-point="${name}"]`)
      await row.waitFor({ timeout: 10_000 })
      const hostPort = `127.0.0.1:${client.port}`
      // The host:port column stays on screen, the name is cut short, and says it in full on hover.
      const address = row.locator('td.mono').first()
      expect(await address.textContent()).toBe(hostPort)
      const box = (await address.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
      const shown = row.locator('.point-name-text')
      expect(await shown.getAttribute('title')).toBe(`rtl\\u202e${'n'.repeat(185)}\\x1b[2Jend`)
      expect(await shown.locator('.control-character').allTextContents()).toEqual([
        '\\u202e',
        '\\x1b',
      ])
      await page.screenshot({ path: join(artifacts, '30-long-bidi-name-dashboard.png') })

      await page.getByTestId('pick-targets').click()
      await page.getByPlaceholder('filter points').fill('rtl')
      const option = page.locator('.target-option').filter({ hasText: hostPort })
      await option.waitFor()
      // Laid out left to right, in the order typed: the name's override does not leak out.
      const lefts = await characterLefts(option.locator('.muted'))
      expect(lefts).toEqual([...lefts].sort((a, b) => a - b))
      const optionBox = (await option.locator('.muted').boundingBox())!
      const listBox = (await page.locator('.target-list').boundingBox())!
      expect(optionBox.x + optionBox.width).toBeLessThanOrEqual(listBox.x + listBox.width)
      await page.screenshot({ path: join(artifacts, '31-long-bidi-name-picker.png') })
      await page.getByRole('button', { name: 'done' }).click()

      const logOption = page.locator('.log-panel option').filter({ hasText: 'rtl' })
      expect(await logOption.textContent()).toContain('rtl\\u202e')
      expect(await logOption.textContent()).not.toContain('\u202e')
    } finally {
      await client.close()
    }
  })
})
