import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
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
    let beta: SclangInstance | undefined
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let context: BrowserContext
    let page: Page

    beforeAll(async () => {
      data = makeTempDir('e2e')
      serve = await startServe(data.path, ['--answer-timeout', '5'])
      sclang = startSclang(instanceCode({ backendPort: serve.oscPort, name: 'e2e-alpha' }))
      browser = await launchChromium()
      context = browser.context
      page = await context.newPage()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await beta?.stop()
      await sclang?.stop()
      await serve?.stop()
      data?.remove()
    })

    async function shot(name: string): Promise<void> {
      await page.screenshot({ path: join(artifacts, `${name}.png`) })
    }

    /** Evaluates `code` and waits until its row is the newest in the result matrix. */
    async function evaluateInEditor(code: string, rowCode = code): Promise<void> {
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(code)
      await page.keyboard.press('Control+Enter')
      await expect
        .poll(() =>
          page.getByTestId('evaluation').first().locator('.evaluation-code').textContent(),
        )
        .toBe(rowCode)
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
      await page.getByTestId('log-line').filter({ hasText: 'e2eConsoleProbe' }).first().click()
      await expect
        .poll(() => page.getByTestId('log-detail').textContent())
        .toContain("Message 'e2eConsoleProbe' not understood")
      await shot('05-log-panel')
    })

    it('keeps only the log lines in view in the page, scrolls to the oldest, and filters by level', async () => {
      // Three instances: each stays within its console line budget (200 per 10 s).
      const clients = await Promise.all([1, 2, 3].map(() => OscTestClient.open()))
      try {
        for (let n = 0; n < 600; n += 1) {
          await clients[n % 3]!.send(serve.oscPort, '/log', [
            'level',
            'INFO',
            'message',
            `e2e burst line ${String(n).padStart(3, '0')}`,
            'name',
            'e2e-burst',
          ])
        }
      } finally {
        for (const client of clients) await client.close()
      }
      const lines = page.getByTestId('log-line')
      await lines.filter({ hasText: 'e2e burst line 599' }).waitFor({ timeout: 10_000 })
      expect(await lines.count()).toBeLessThan(100)
      await page.getByTestId('log-lines').evaluate((list) => (list.scrollTop = list.scrollHeight))
      await lines.filter({ hasText: 'e2e burst line 000' }).waitFor({ timeout: 5_000 })
      expect(await lines.count()).toBeLessThan(100)
      await shot('05b-log-scrolled-to-oldest')
      await page.getByTestId('log-lines').evaluate((list) => (list.scrollTop = 0))

      // The level filter: errors only hides the burst and keeps the console's error in sight.
      const level = page.getByLabel('level')
      expect(await level.locator('option:checked').textContent()).toBe('all levels')
      await level.selectOption({ label: 'ERROR and above' })
      await lines.filter({ hasText: 'e2eConsoleProbe' }).first().waitFor({ timeout: 5_000 })
      expect(await lines.filter({ hasText: 'e2e burst line' }).count()).toBe(0)
      await level.selectOption({ label: 'all levels' })
      await lines.filter({ hasText: 'e2e burst line 599' }).waitFor({ timeout: 5_000 })
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

    it('wraps a long line instead of scrolling the code out of sight', async () => {
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.press('Enter')
      const long = `Ndef(\\wide, { ${'SinOsc.ar(220, 0, 0.01) + '.repeat(12)}DC.ar(0) }).play`
      await page.keyboard.type(long, { delay: 0 })
      const scroller = page.locator('.cm-scroller')
      expect(await scroller.evaluate((element) => element.scrollLeft)).toBe(0)
      expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
        true,
      )
      // The line is wider than the editor, so it shows on several rows.
      const lineHeight = await page
        .locator('.cm-line')
        .last()
        .evaluate((element) => element.getBoundingClientRect().height)
      expect(lineHeight).toBeGreaterThan(40)
      await shot('06b-long-line-wrapped')
      await page.keyboard.press('Control+Z')
    })
    const newestRow = () => page.getByTestId('evaluation').first()

    it('with a second instance: canary releases to the rest only after FINISHED', async () => {
      beta = startSclang(instanceCode({ backendPort: serve.oscPort, name: 'e2e-beta' }))
      await page.locator('[data-point="e2e-beta"]').waitFor({ timeout: 20_000 })
      await page.getByTestId('canary').check()
      await evaluateInEditor('2+2')
      await expect
        .poll(() => newestRow().getByTestId('evaluation-note').textContent(), { timeout: 10_000 })
        .toContain('released to 1 more')
      await expect
        .poll(() => newestRow().locator('[data-kind="finished"]').count(), { timeout: 10_000 })
        .toBe(2)
      await shot('07-canary-released')
    })

    it('canary aborts on FAILURE and sends to nobody else', async () => {
      await evaluateInEditor('nil.canaryProbe')
      await expect
        .poll(() => newestRow().getByTestId('evaluation-note').textContent(), { timeout: 10_000 })
        .toContain('failure, not sent to the other 1')
      expect(await newestRow().getByTestId('result-cell').count()).toBe(1)
      await page.getByTestId('canary').uncheck()
    })

    it('"retry failed" re-sends to the failed targets only', async () => {
      await evaluateInEditor('if(~gencaster.name == "e2e-beta") { nil.onlyBetaFails } { 1 }')
      await expect
        .poll(() => newestRow().locator('[data-kind="failure"]').count(), { timeout: 10_000 })
        .toBe(1)
      await newestRow().getByTestId('retry-failed').click()
      await expect.poll(() => newestRow().getByTestId('result-cell').count()).toBe(1)
      await expect
        .poll(() => newestRow().getByTestId('result-cell').first().textContent())
        .toContain('e2e-beta')
      await shot('08-retry-failed')
    })

    it('finds past evaluations in the history and sends one again', async () => {
      await page.getByTestId('history-tab').click()
      await page.getByTestId('history-search').fill('2+2')
      const item = page.getByTestId('history-item').filter({ hasText: '2+2' }).first()
      await item.waitFor()
      await shot('09-history')
      await item.getByRole('button', { name: 'send again' }).click()
      await page.getByRole('button', { name: 'Results' }).click()
      await expect.poll(() => newestRow().locator('.evaluation-code').textContent()).toBe('2+2')
      await expect
        .poll(() => newestRow().locator('[data-kind="finished"]').count(), { timeout: 10_000 })
        .toBe(2)
    })

    it('says why speak mode cannot speak yet', async () => {
      await page.getByRole('combobox', { name: 'editor mode' }).selectOption('speak')
      await evaluateInEditor('Hello, audience', 'speak: Hello, audience')
      await expect.poll(() => newestRow().textContent()).toContain('speech not configured')
      await page.getByRole('combobox', { name: 'editor mode' }).selectOption('code')
      await shot('10-speak-refused')
    })
    it('edits a stream variable and sends it to SuperCollider as an Ndef', async () => {
      // A listener's stream, as the listener side will create it: straight into the show's file.
      const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'))
      db.pragma('busy_timeout = 5000')
      const point = db
        .prepare("SELECT uuid FROM stream_point WHERE sc_name = 'e2e-alpha'")
        .pluck()
        .get() as string
      const now = new Date().toISOString()
      db.prepare('INSERT INTO stream VALUES (?, ?, ?, ?, 1)').run('e2e-stream', now, now, point)
      db.prepare('INSERT INTO stream_variable VALUES (?, ?, ?, ?, ?, ?, 0)').run(
        'e2e-variable',
        now,
        now,
        'e2e-stream',
        'e2eFreq',
        '220',
      )
      db.close()
      await page.getByRole('button', { name: 'Variables' }).click()
      const value = page.getByRole('textbox', { name: 'value of e2eFreq' })
      await value.waitFor({ timeout: 10_000 })
      await value.fill('440')
      await page.getByTestId('variable').getByRole('button', { name: 'send to SC' }).click()
      await shot('11-variables')
      await page.getByRole('button', { name: 'Results' }).click()
      await page.getByRole('checkbox', { name: 'target e2e-alpha' }).check()
      await evaluateInEditor('Ndef(\\e2eFreq).source')
      await expect
        .poll(() => newestCell().locator('.cell-value').textContent(), { timeout: 10_000 })
        .toBe('440')
      await page.getByRole('checkbox', { name: 'target e2e-alpha' }).uncheck()
    })

    it('picks targets beside the editor, per document: a new tab goes to all online points', async () => {
      const bar = page.getByTestId('target-bar')
      await page.getByTestId('pick-targets').click()
      const picker = page.getByRole('dialog', { name: 'pick targets' })
      await expect.poll(() => picker.locator('.target-option').count()).toBe(2)
      await picker.getByPlaceholder('filter points').fill('beta')
      await expect.poll(() => picker.locator('.target-option').count()).toBe(1)
      await picker.getByRole('checkbox').check()
      await expect.poll(() => bar.textContent()).toContain('to 1 chosen point')
      // The stop goes where the code goes, and says so.
      expect(await page.getByTestId('panic').textContent()).toBe('STOP 1 CHOSEN (Ctrl+.)')
      await shot('12-target-picker')
      await picker.getByRole('button', { name: 'done' }).click()
      await evaluateInEditor('3+3')
      await expect
        .poll(() => page.getByTestId('evaluation').first().getByTestId('result-cell').count())
        .toBe(1)
      await expect.poll(() => newestCell().textContent()).toContain('e2e-beta')

      const firstTab = page.getByRole('tab').first()
      await page.getByRole('button', { name: 'new document' }).click()
      await expect.poll(() => page.getByRole('tab').count()).toBe(2)
      await expect.poll(() => bar.textContent()).toContain('to 2 online points')
      expect(await page.getByTestId('panic').textContent()).toBe('STOP ALL (Ctrl+.)')
      await firstTab.click()
      await expect.poll(() => bar.textContent()).toContain('to 1 chosen point')
      await bar.getByRole('button', { name: 'all online' }).click()
    })

    it('sums up an evaluation to many points and shows the ones that need a look first', async () => {
      // Thirty more points beacon, each on its own port where nothing listens: "no answer".
      const client = await OscTestClient.open()
      try {
        for (let n = 0; n < 30; n += 1)
          await client.send(serve.oscPort, '/beacon', [
            'name',
            `crowd-${String(n).padStart(2, '0')}`,
            'lang_port',
            600 + n,
          ])
      } finally {
        await client.close()
      }
      await expect
        .poll(() => page.getByTestId('target-bar').textContent())
        .toContain('to 32 online')
      await evaluateInEditor('1+1')
      const summary = newestRow().getByTestId('evaluation-summary')
      await expect
        .poll(() => summary.textContent(), { timeout: 15_000 })
        .toContain('32 targets: 30 no answer · 2 finished')
      const cells = newestRow().getByTestId('result-cell')
      expect(await cells.count()).toBe(24)
      expect(await cells.first().getAttribute('data-kind')).toBe('no-answer')
      await shot('13-many-targets-summed-up')
      await newestRow().getByTestId('show-all-cells').click()
      await expect.poll(() => cells.count()).toBe(32)
      await expect.poll(() => newestRow().locator('[data-kind="finished"]').count()).toBe(2)
    })
  },
)
