import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { readEditor } from '../support/codemirror-reading.js'
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
/** Longer than the editor's save delay (400 ms): every pause below lets a save land. */
const pauseMs = 1000

/** The lines the page shows, as the performer sees them. */
async function shownText(page: Page): Promise<string> {
  const lines = await page.locator('.cm-content .cm-line').allTextContents()
  return lines.join('\n')
}

/** Presses `key` until the editor holds `target` (at most `limit` times); the texts seen. */
async function pressUntil(page: Page, key: string, target: string, limit = 12): Promise<string[]> {
  const seen: string[] = []
  for (let n = 0; n < limit; n += 1) {
    await page.keyboard.press(key)
    const { text } = await readEditor(page)
    seen.push(text)
    if (text === target) break
  }
  return seen
}

describe.skipIf(missingTool('chromium', 'chromium'))(
  'the editor as a performer types, against browser mode',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let serve: ServeProcess
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let page: Page
    let ports: { oscPort: number; httpPort: number }

    beforeAll(async () => {
      data = makeTempDir('editor-typing')
      // Fixed ports, so that a restarted core answers the same link.
      ports = { oscPort: await freeUdpPort(), httpPort: await freeTcpPort() }
      serve = await startServe(data.path, [], ports)
      browser = await launchChromium()
      page = await browser.context.newPage()
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await serve?.stop()
      data?.remove()
    })

    /** The first tab's text as the core stored it. */
    function storedFirstText(): string {
      const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
      try {
        db.pragma('busy_timeout = 5000')
        return db
          .prepare('SELECT text FROM editor_document ORDER BY position, created_date LIMIT 1')
          .pluck()
          .get() as string
      } finally {
        db.close()
      }
    }

    const firstLines = 'x = 1;\ny = 2;\nz = x + y;'
    const typed = `${firstLines}\nw = z * 2;`

    it('keeps the text, the cursor and the undo history across saves', async () => {
      await page.goto(serve.url)
      await page.locator('.cm-content').waitFor()
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.press('Backspace')
      await page.waitForTimeout(pauseMs)
      expect((await readEditor(page)).text).toBe('')

      // Line by line, each pause long enough for a save to go out and its answer to come back.
      await page.keyboard.type('x = 1;', { delay: 40 })
      await page.keyboard.press('Enter')
      await page.waitForTimeout(pauseMs)
      await page.keyboard.type('y = 2;', { delay: 40 })
      await page.keyboard.press('Enter')
      await page.waitForTimeout(pauseMs)
      await page.keyboard.type('z = x + y;', { delay: 40 })
      await page.waitForTimeout(pauseMs)

      const reading = await readEditor(page)
      expect(reading.text).toBe(firstLines)
      expect(await shownText(page)).toBe(firstLines)
      expect(reading.head).toBe(firstLines.length)
      expect(reading.anchor).toBe(firstLines.length)
      expect(reading.focused).toBe(true)
      await expect.poll(storedFirstText).toBe(firstLines)
      await page.screenshot({ path: join(artifacts, 'editor-01-typed-across-saves.png') })

      // Undo walks back through what was typed, saves in between, down to the empty document.
      const undone = await pressUntil(page, 'Control+Z', '')
      expect(undone.at(-1)).toBe('')
      for (const text of undone) expect(firstLines.startsWith(text)).toBe(true)
      expect(undone.some((text) => text.startsWith('x = 1;') && !text.includes('y'))).toBe(true)
      // Redo brings it all back, cursor at the end.
      const redone = await pressUntil(page, 'Control+Shift+Z', firstLines)
      expect(redone.at(-1)).toBe(firstLines)
      expect((await readEditor(page)).head).toBe(firstLines.length)
      await page.keyboard.press('Enter')
      await page.keyboard.type('w = z * 2;', { delay: 40 })
      await page.waitForTimeout(pauseMs)
      expect((await readEditor(page)).text).toBe(typed)
      await expect.poll(storedFirstText).toBe(typed)
    })

    it('keeps each tab as it was left: text, cursor and undo history', async () => {
      // Put the cursor in the middle of the second line and select a word, to see it come back.
      await page.keyboard.press('Control+Home')
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Shift+End')
      const before = await readEditor(page)
      expect(before.text.slice(before.anchor, before.head)).toBe('y = 2;')

      await page.getByRole('button', { name: 'new document' }).click()
      await expect.poll(() => page.getByRole('tab').count()).toBe(2)
      await expect
        .poll(() => page.getByRole('tab').nth(1).getAttribute('aria-selected'))
        .toBe('true')
      await expect.poll(async () => (await readEditor(page)).text).toBe('')
      await page.keyboard.type('// second tab', { delay: 30 })
      await page.waitForTimeout(pauseMs)
      expect((await readEditor(page)).text).toBe('// second tab')

      await page.getByRole('tab').first().click()
      await expect.poll(async () => (await readEditor(page)).text).toBe(typed)
      const back = await readEditor(page)
      expect({ anchor: back.anchor, head: back.head }).toEqual({
        anchor: before.anchor,
        head: before.head,
      })
      expect(back.focused).toBe(true)
      // The first tab's history came back with it: undo takes back the last line typed there.
      await page.keyboard.press('Control+Z')
      expect((await readEditor(page)).text).toBe(firstLines)
      await page.keyboard.press('Control+Shift+Z')
      expect((await readEditor(page)).text).toBe(typed)
      await page.screenshot({ path: join(artifacts, 'editor-02-first-tab-again.png') })

      await page.getByRole('tab').nth(1).click()
      await expect.poll(async () => (await readEditor(page)).text).toBe('// second tab')
      expect((await readEditor(page)).head).toBe('// second tab'.length)
      await page.getByRole('tab').first().click()
      await expect.poll(async () => (await readEditor(page)).text).toBe(typed)
    })

    it('after a reload shows the last text typed, with the cursor where it was', async () => {
      await page.keyboard.press('Control+End')
      // Reloaded at once, well inside the save delay: the page saves as it goes away.
      await page.keyboard.type(' // last', { delay: 20 })
      const last = `${typed} // last`
      expect((await readEditor(page)).text).toBe(last)
      await page.reload()
      await page.locator('.cm-content').waitFor()
      await expect.poll(async () => (await readEditor(page)).text).toBe(last)
      expect(await shownText(page)).toBe(last)
      const reading = await readEditor(page)
      expect({ anchor: reading.anchor, head: reading.head }).toEqual({
        anchor: last.length,
        head: last.length,
      })
      expect(storedFirstText()).toBe(last)
      await page.keyboard.type('!', { delay: 20 })
      expect((await readEditor(page)).text).toBe(`${last}!`)
      await page.screenshot({ path: join(artifacts, 'editor-03-after-reload.png') })
    })

    it('keeps what was typed while the core was away, and saves it once the core is back', async () => {
      const before = (await readEditor(page)).text
      await serve.stop()
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('disconnected')
      // Typed with the core gone: its save goes nowhere, and waits.
      await page.keyboard.type(' // offline', { delay: 30 })
      await page.waitForTimeout(pauseMs)
      const typedOffline = `${before} // offline`
      expect((await readEditor(page)).text).toBe(typedOffline)

      serve = await startServe(data.path, [], ports)
      await expect
        .poll(() => page.getByTestId('connection').textContent(), { timeout: 10_000 })
        .toBe('connected')
      await expect.poll(storedFirstText, { timeout: 10_000 }).toBe(typedOffline)
      const reading = await readEditor(page)
      expect(reading.text).toBe(typedOffline)
      expect(reading.head).toBe(typedOffline.length)
      expect(reading.focused).toBe(true)
      await page.keyboard.type(';', { delay: 30 })
      expect((await readEditor(page)).text).toBe(`${typedOffline};`)
      await page.screenshot({ path: join(artifacts, 'editor-04-after-reconnect.png') })
    })
  },
)
