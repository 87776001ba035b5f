import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { readEditor } from '../support/codemirror-reading.js'
import { missingTool } from '../support/required-tool.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')
const conflictBanner = (page: Page) => page.locator('[data-alert^="conflict-"]')

describe.skipIf(missingTool('chromium', 'chromium'))(
  'two pages on one document (a tablet and a laptop on one core)',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let serve: ServeProcess
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let pageA: Page
    let pageB: Page
    /** The requests page B sent over its WebSocket. */
    const sentByB: string[] = []

    beforeAll(async () => {
      data = makeTempDir('two-pages')
      serve = await startServe(data.path, [])
      browser = await launchChromium()
      pageA = await browser.context.newPage()
      pageB = await browser.context.newPage()
      pageB.on('websocket', (socket) =>
        socket.on('framesent', (frame) => sentByB.push(String(frame.payload))),
      )
      // One after the other: the first page makes the first tab, the second loads it.
      for (const page of [pageA, pageB]) {
        await page.goto(serve.url)
        await page.locator('.cm-content').waitFor()
        await page
          .getByTestId('connection')
          .filter({ hasText: /^connected$/ })
          .waitFor()
      }
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await serve?.stop()
      data?.remove()
    })

    function storedText(): string {
      const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'), { readonly: true })
      try {
        db.pragma('busy_timeout = 5000')
        return db.prepare('SELECT text FROM editor_document').pluck().get() as string
      } finally {
        db.close()
      }
    }
    const textOf = async (page: Page) => (await readEditor(page)).text

    /** Both pages type at once; the one that saved second is the one that shows the banner. */
    async function bothType(): Promise<{ winner: Page; loser: Page; loserText: string }> {
      // At the same time, so that each page has unsaved text when the other's save lands.
      await Promise.all([
        pageB.keyboard.type(' + typed in B', { delay: 10 }),
        pageA.keyboard.type(' // and A', { delay: 10 }),
      ])
      await expect
        .poll(
          async () => (await conflictBanner(pageA).count()) + (await conflictBanner(pageB).count()),
        )
        .toBe(1)
      const loser = (await conflictBanner(pageA).count()) === 1 ? pageA : pageB
      const winner = loser === pageA ? pageB : pageA
      const loserText = await textOf(loser)
      await expect.poll(storedText).toBe(await textOf(winner))
      return { winner, loser, loserText }
    }

    it('shows what page A saved in idle page B at once, its cursor kept', async () => {
      const loaded = await textOf(pageB)
      expect(loaded).toContain('1 + 1')
      // B's cursor at the end of its last line ("1 + 1"), before the final newline.
      await pageB.locator('.cm-content').click()
      await pageB.keyboard.press('Control+End')
      await pageB.keyboard.press('ArrowLeft')
      const before = await readEditor(pageB)
      const afterCursor = loaded.slice(before.head)

      await pageA.locator('.cm-content').click()
      await pageA.keyboard.press('Control+Home')
      await pageA.keyboard.press('Shift+End')
      await pageA.keyboard.type('// written in page A', { delay: 10 })
      const written = await textOf(pageA)
      expect(written).not.toBe(loaded)
      await expect.poll(storedText).toBe(written)
      await expect.poll(() => textOf(pageB)).toBe(written)
      const after = await readEditor(pageB)
      // Same place in the text: what followed the cursor still follows it.
      expect(written.slice(after.head)).toBe(afterCursor)
      expect(after.anchor).toBe(after.head)
      expect(await conflictBanner(pageB).count()).toBe(0)
    })

    it('gives the second to save a banner, loses nothing, and "take theirs" takes theirs', async () => {
      const { winner, loser, loserText } = await bothType()
      // The loser's text is still on its page, and stays out of the database until a choice.
      expect(await textOf(loser)).toBe(loserText)
      await expect(conflictBanner(loser).textContent()).resolves.toMatch(
        /was changed on another page: your text on this page is not saved/,
      )
      await loser.screenshot({ path: join(artifacts, 'two-pages-conflict-banner.png') })
      const theirs = await textOf(winner)

      await conflictBanner(loser).getByRole('button', { name: 'take theirs' }).click()
      expect(await conflictBanner(loser).count()).toBe(0)
      expect(await textOf(loser)).toBe(theirs)
      // The performer's own text is one undo away, and undoing saves it (and the winner shows it).
      await loser.locator('.cm-content').click()
      await loser.keyboard.press('Control+Z')
      expect(await textOf(loser)).toBe(loserText)
      await expect.poll(storedText).toBe(loserText)
      await expect.poll(() => textOf(winner)).toBe(loserText)
      expect(await conflictBanner(winner).count()).toBe(0)
    })

    it('"keep mine" saves this page\'s text over theirs, and the other page shows it', async () => {
      await pageA.locator('.cm-content').click()
      await pageA.keyboard.press('Control+End')
      await pageB.locator('.cm-content').click()
      await pageB.keyboard.press('Control+End')
      const { winner, loser, loserText } = await bothType()
      await conflictBanner(loser).getByRole('button', { name: 'keep mine' }).click()
      expect(await conflictBanner(loser).count()).toBe(0)
      await expect.poll(storedText).toBe(loserText)
      await expect.poll(() => textOf(winner)).toBe(loserText)
      expect(await textOf(loser)).toBe(loserText)
      expect(await conflictBanner(winner).count()).toBe(0)
    })

    it('brings a long text (sent without its text, fetched by the page) to the idle page', async () => {
      await pageA.locator('.cm-content').click()
      await pageA.keyboard.press('Control+End')
      // Pasted, as a performer brings a long block in (typing it would take minutes).
      await pageA.evaluate(
        (text) => {
          const data = new DataTransfer()
          data.setData('text/plain', text)
          const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true })
          document.querySelector('.cm-content')?.dispatchEvent(paste)
        },
        `\n${'// a long pasted block\n'.repeat(3000)}`,
      )
      const long = await textOf(pageA)
      expect(long.length).toBeGreaterThan(64 * 1024)
      await expect.poll(storedText).toBe(long)
      await expect.poll(() => textOf(pageB)).toBe(long)
      expect(sentByB.filter((frame) => frame.includes('"getDocument"'))).toHaveLength(1)
      expect(await conflictBanner(pageA).count()).toBe(0)
      expect(await conflictBanner(pageB).count()).toBe(0)
    })
  },
)
