import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { missingTool } from '../support/required-tool.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')

describe.skipIf(missingTool('chromium', 'chromium'))(
  'the control room while the database cannot be written',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let serve: ServeProcess | undefined
    let other: BetterSqlite3.Database | undefined

    beforeAll(async () => {
      data = makeTempDir('banner')
      browser = await launchChromium()
    }, 60_000)

    afterAll(async () => {
      other?.close()
      await browser?.close()
      await serve?.stop()
      data?.remove()
    })

    it('shows a loud banner while another program holds the lock, and clears it after', async () => {
      serve = await startServe(data.path)
      const page = await browser.context.newPage()
      await page.goto(serve.url)
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
      // The first tab of a new install is saved before the lock is taken: a tab that cannot be
      // saved has a banner of its own, which is right but not this test's subject.
      await page.getByRole('tab').first().waitFor()
      expect(await page.getByRole('alert').count()).toBe(0)

      other = new BetterSqlite3(join(data.path, 'gencaster.sqlite'))
      other.exec('BEGIN IMMEDIATE')
      const instance = await OscTestClient.open()
      const beacon = (name: string) =>
        instance.send(serve!.oscPort, '/beacon', ['name', name, 'lang_port', instance.port])
      await beacon('while-locked')
      const banner = page.getByRole('alert').filter({ hasText: 'database' })
      await banner.waitFor({ timeout: 10_000 })
      expect(await banner.textContent()).toContain('database locked by another program')
      // The show goes on: the beacon is on the dashboard though it is not written yet.
      await page.locator('[data-point="while-locked"]').waitFor({ timeout: 10_000 })
      await page.screenshot({
        path: join(root, 'test-artifacts', 'e2e', '20-storage-degraded.png'),
      })
      expect(serve.output()).toContain('writes to the database paused')

      other.exec('ROLLBACK')
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0)
      const written = other
        .prepare("SELECT COUNT(*) AS n FROM stream_point WHERE sc_name = 'while-locked'")
        .get() as { n: number }
      expect(written.n).toBe(1)
      expect(serve.output()).toContain('writes to the database resumed')
      // The console says it once per transition, not once per retry.
      expect(serve.output().split('writes to the database paused').length - 1).toBe(1)
      await instance.close()
    })
  },
)
