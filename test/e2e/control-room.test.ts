import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { launchChromium } from '../support/chromium.js'
import { missingTool } from '../support/required-tool.js'
import { instanceCode, startSclang, type SclangInstance } from '../support/sclang-instance.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')
const skip = missingTool('chromium', 'chromium') || missingTool('sclang', 'supercollider-language')

describe.skipIf(skip)(
  'the control room in Chromium, against browser mode and a real sclang',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let serve: ServeProcess
    let sclang: SclangInstance
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true })
      execFileSync(join(root, 'node_modules/.bin/electron-vite'), ['build', '--logLevel', 'warn'], {
        cwd: root,
      })
      data = makeTempDir('e2e')
      serve = await startServe(data.path, ['--answer-timeout', '5'])
      sclang = startSclang(instanceCode({ backendPort: serve.oscPort, name: 'e2e-alpha' }))
      browser = await launchChromium()
      context = browser.context
      page = await context.newPage()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await sclang?.stop()
      await serve?.stop()
      data?.remove()
    })

    async function shot(name: string): Promise<void> {
      await page.screenshot({ path: join(artifacts, `${name}.png`) })
    }

    async function evaluateInEditor(code: string): Promise<void> {
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(code)
      await page.keyboard.press('Control+Enter')
    }

    const newestCell = () =>
      page.getByTestId('evaluation').first().getByTestId('result-cell').first()

    it('gives nothing to a page or socket without the token', async () => {
      const bare = new URL(serve.url)
      bare.search = ''
      const response = await page.goto(bare.toString())
      expect(response?.status()).toBe(401)
      expect(await page.content()).not.toContain('id="root"')
      const socketUrl = `ws://${bare.host}/ws`
      const refused = await new Promise<string>((done) => {
        const socket = new WebSocket(socketUrl)
        socket.on('open', () => done('open'))
        socket.on('unexpected-response', (_request, res) => done(String(res.statusCode)))
        socket.on('error', () => done('error'))
      })
      expect(refused).not.toBe('open')
    })

    it('shows the instance on the dashboard', async () => {
      await page.goto(serve.url)
      await page.locator('[data-point="e2e-alpha"]').waitFor({ timeout: 20_000 })
      await expect.poll(() => page.getByTestId('totals').textContent()).toContain('1 online / 1')
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
      await shot('01-dashboard')
    })

    it('evaluates 1+1 from the editor and shows 2 in its cell', async () => {
      await evaluateInEditor('1+1')
      await expect
        .poll(() => newestCell().getAttribute('data-kind'), { timeout: 10_000 })
        .toBe('finished')
      expect(await newestCell().locator('.cell-value').textContent()).toBe('2')
      await expect
        .poll(() =>
          page.locator('[data-point="e2e-alpha"]').getByTestId('point-last-state').textContent(),
        )
        .toContain('finished')
      await shot('02-one-plus-one')
    })

    it('shows a syntax error as FAILURE with the error', async () => {
      await evaluateInEditor('(1 + [2)')
      await expect
        .poll(() => newestCell().getAttribute('data-kind'), { timeout: 10_000 })
        .toBe('failure')
      expect(await newestCell().locator('.cell-detail').textContent()).toContain('syntax error')
      await shot('03-syntax-error')
    })

    it('sends Ctrl+. to the instance', async () => {
      await evaluateInEditor('~e2eStopped = false; CmdPeriod.doOnce({ ~e2eStopped = true }); 1')
      await expect.poll(() => newestCell().getAttribute('data-kind')).toBe('finished')
      await page.keyboard.press('Control+.')
      // The stop gets its own row, confirmed by the instance.
      await expect
        .poll(() =>
          page.getByTestId('evaluation').first().locator('.evaluation-code').textContent(),
        )
        .toBe('STOP (Ctrl+.)')
      await expect
        .poll(() => newestCell().getAttribute('data-kind'), { timeout: 10_000 })
        .toBe('finished')
      // One key press sends one stop, even though the editor and the page both listen for it.
      expect(
        await page.getByTestId('evaluation').filter({ hasText: 'STOP (Ctrl+.)' }).count(),
      ).toBe(1)
      await evaluateInEditor('~e2eStopped')
      await expect
        .poll(() => newestCell().locator('.cell-value').textContent(), { timeout: 10_000 })
        .toBe('true')
      await shot('04-after-stop')
    })

    it("shows the instance's console error in the log panel", async () => {
      await evaluateInEditor('SystemClock.sched(0, { nil.e2eConsoleProbe; nil }); 1')
      await page
        .getByTestId('log-line')
        .filter({ hasText: 'e2eConsoleProbe' })
        .first()
        .waitFor({ timeout: 10_000 })
      await shot('05-log-panel')
    })

    it('keeps documents across a reload', async () => {
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText('// kept across reloads\nNdef(\\kept).play')
      await page.waitForTimeout(800)
      await page.reload()
      await page.locator('.cm-content').waitFor()
      await expect
        .poll(() => page.locator('.cm-content').textContent())
        .toContain('kept across reloads')
      await shot('06-after-reload')
    })
  },
)
