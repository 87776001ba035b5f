import BetterSqlite3 from 'better-sqlite3'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import type { GencasterBridge } from '../../src-main/contract/index.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { decodeOscDatagram } from '../../src-main/core/osc/osc-codec.js'
import { logLevels } from '../../src-main/contract/index.js'
import { readStaticFile } from '../../src-main/headless/static-files.js'
import { BridgeRelay, type StandInHandle } from '../support/bridge-stand-in.js'
import { launchChromium } from '../support/chromium.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { missingTool } from '../support/required-tool.js'
import { freeUdpPort } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

const root = resolve(import.meta.dirname, '../..')
const artifacts = join(root, 'test-artifacts', 'e2e')
/** The built renderer is served from here by the test itself, as Electron loads it from a file. */
const origin = 'http://bridge.gencaster.test'
const onlineWindowSeconds = 8

/** A stand-in for an instance on real UDP: beacons, keeps each instruction, answers FINISHED. */
class AnsweringInstance {
  readonly codes: string[] = []
  private constructor(
    private readonly client: OscTestClient,
    private readonly name: string,
    private readonly corePort: number,
  ) {
    client.onMessage((datagram) => {
      for (const message of decodeOscDatagram(datagram)) {
        const [uuid, code] = message.args as [string, string]
        this.codes.push(code)
        void this.client.send(this.corePort, '/acknowledge', [
          'uuid',
          uuid,
          'status',
          'FINISHED',
          'return_value',
          code === '1+1' ? '2' : 'nil',
        ])
      }
    })
  }

  static async open(name: string, corePort: number): Promise<AnsweringInstance> {
    return new AnsweringInstance(await OscTestClient.open(), name, corePort)
  }

  beacon(): Promise<void> {
    return this.client.send(this.corePort, '/beacon', [
      'name',
      this.name,
      'lang_port',
      this.client.port,
    ])
  }

  log(message: string): Promise<void> {
    return this.client.send(this.corePort, '/log', ['level', 'ERROR', 'message', message])
  }

  close(): Promise<void> {
    return this.client.close()
  }
}

describe.skipIf(missingTool('chromium', 'chromium'))(
  'the control room through the Electron bridge: a stand-in window.gencaster and a real core',
  () => {
    let data: ReturnType<typeof makeTempDir>
    let oscPort: number
    let core: GencasterCore | undefined
    let browser: Awaited<ReturnType<typeof launchChromium>>
    let relay: BridgeRelay
    let page: Page
    let alpha: AnsweringInstance
    const sockets: string[] = []

    const startCore = async () => {
      core = await GencasterCore.start({
        settings: settingsSchema.parse({
          oscHost: '127.0.0.1',
          oscPort,
          dataDir: data.path,
          password: 'bridge',
          onlineWindowSeconds,
        }),
        presenceCheckIntervalMs: 100,
      })
      return core
    }
    const newestRow = () => page.getByTestId('evaluation').first()

    async function evaluateInEditor(code: string): Promise<void> {
      await page.locator('.cm-content').click()
      await page.keyboard.press('Control+A')
      await page.keyboard.insertText(code)
      await page.keyboard.press('Control+Enter')
      await expect.poll(() => newestRow().locator('.evaluation-code').textContent()).toBe(code)
    }

    beforeAll(async () => {
      data = makeTempDir('bridge')
      oscPort = await freeUdpPort()
      await startCore()
      alpha = await AnsweringInstance.open('bridge-alpha', oscPort)
      browser = await launchChromium()
      relay = await BridgeRelay.install(browser.context)
      await browser.context.route(`${origin}/**`, async (route) => {
        const file = await readStaticFile(
          join(root, 'out/renderer'),
          new URL(route.request().url()).pathname,
        )
        if (!file) return route.fulfill({ status: 404 })
        return route.fulfill({ status: 200, contentType: file.contentType, body: file.body })
      })
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await alpha?.close()
      await core?.close()
      data?.remove()
    })

    it('loads the snapshot through the bridge: points, busy points, logs, history, online window', async () => {
      // What the core knows before the page opens; only the snapshot can show it.
      await alpha.beacon()
      await alpha.log('bridgeSnapshotProbe')
      const dispatcher = core!.dispatcher
      const findAlpha = () =>
        core!.points.list().find((candidate) => candidate.scName === 'bridge-alpha')
      await expect.poll(findAlpha).toBeDefined()
      const point = findAlpha()
      await expect
        .poll(() => core!.log.query({ text: 'bridgeSnapshotProbe' }).length)
        .toBeGreaterThan(0)
      const sent = await dispatcher.handle('sendCode', {
        code: '"bridge history probe"',
        targets: [point!.uuid],
      })
      expect(sent.ok).toBe(true)
      const db = new BetterSqlite3(join(data.path, 'gencaster.sqlite'))
      db.pragma('busy_timeout = 5000')
      const now = new Date().toISOString()
      db.prepare('INSERT INTO stream VALUES (?, ?, ?, ?, 1)').run(
        'bridge-stream',
        now,
        now,
        point!.uuid,
      )
      db.close()

      relay.serve(dispatcher)
      page = await browser.context.newPage()
      relay.show(page)
      page.on('websocket', (socket) => sockets.push(socket.url()))
      await page.goto(`${origin}/index.html`)

      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
      const row = page.locator('[data-point="bridge-alpha"]')
      await row.waitFor({ timeout: 10_000 })
      await expect
        .poll(() => row.getByTestId('point-streams').textContent())
        .toBe('1 stream · 1 listening')
      await page
        .getByTestId('log-line')
        .filter({ hasText: 'bridgeSnapshotProbe' })
        .first()
        .waitFor({ timeout: 10_000 })
      await page.getByTestId('history-tab').click()
      await page
        .getByTestId('history-item')
        .filter({ hasText: 'bridge history probe' })
        .waitFor({ timeout: 10_000 })
      await page.getByRole('button', { name: 'Results' }).click()
      // The core's online window (8 s, not the page's default 60 s): the point goes offline.
      await expect
        .poll(() => row.getAttribute('class'), { timeout: (onlineWindowSeconds + 10) * 1000 })
        .toContain('presence-offline')
      // The page took the bridge: it never opened the browser mode's socket.
      expect(sockets).toEqual([])
      expect(relay.requests.map((request) => request.method)).toContain('snapshot')
      await page.screenshot({ path: join(artifacts, '20-bridge-snapshot.png') })
    }, 60_000)

    it('shows core events as they come, through the bridge', async () => {
      const beta = await AnsweringInstance.open('bridge-beta', oscPort)
      try {
        await beta.beacon()
        await page.locator('[data-point="bridge-beta"]').waitFor({ timeout: 10_000 })
        await alpha.beacon()
        await expect
          .poll(() => page.locator('[data-point="bridge-alpha"]').getAttribute('class'))
          .toContain('presence-online')
      } finally {
        await beta.close()
      }
    })

    it('delivers a burst of 500 log lines from one turn as one IPC message, in order', async () => {
      await page.evaluate(() => {
        const page = window as unknown as {
          gencaster: GencasterBridge
          gencasterStandIn: StandInHandle
          burst: { message: string; batch: number }[]
        }
        page.burst = []
        page.gencaster.on('log-added', (entry) => {
          if (entry.message.startsWith('bridge burst '))
            page.burst.push({
              message: entry.message,
              batch: page.gencasterStandIn.batchesDelivered,
            })
        })
      })
      const lines = Array.from({ length: 500 }, (_, index) => `bridge burst ${index}`)
      for (const message of lines)
        core!.log.write({ origin: 'supercollider', level: logLevels.INFO, message })
      const heard = () =>
        page.evaluate(
          () => (window as unknown as { burst: { message: string; batch: number }[] }).burst,
        )
      await expect.poll(async () => (await heard()).length).toBe(lines.length)
      const burst = await heard()
      expect(burst.map((line) => line.message)).toEqual(lines)
      // Every line came in the same batch: one message, not 500.
      expect(burst[0]!.batch).toBeGreaterThan(0)
      expect(new Set(burst.map((line) => line.batch)).size).toBe(1)
      await page
        .getByTestId('log-line')
        .filter({ hasText: 'bridge burst 499' })
        .first()
        .waitFor({ timeout: 10_000 })
    })

    it('sends code through the bridge and shows the answer in its row', async () => {
      // bridge-alpha has a listener (the snapshot test gave it one).
      await page.getByRole('checkbox', { name: 'include points with listeners' }).check()
      await page.getByRole('checkbox', { name: 'target bridge-alpha' }).check()
      await alpha.beacon()
      await page.getByRole('checkbox', { name: 'target bridge-alpha' }).check({ timeout: 5000 })
      await evaluateInEditor('1+1')
      const cell = newestRow().getByTestId('result-cell').first()
      await expect.poll(() => cell.getAttribute('data-kind'), { timeout: 10_000 }).toBe('finished')
      expect(await cell.locator('.cell-value').textContent()).toBe('2')
      expect(alpha.codes).toContain('1+1')
    })

    it('when the core goes away: says STOP and code were not sent, never sends them later, and reloads its snapshot when a new core serves', async () => {
      // Fresh presence, so the page still counts bridge-alpha online while the core is away.
      const codesBefore = alpha.codes.length
      await alpha.beacon()
      await expect
        .poll(() => page.locator('[data-point="bridge-alpha"]').textContent())
        .toContain('online 0 s')
      relay.stopServing()
      await relay.signal('disconnected')
      await core!.close()
      core = undefined
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('disconnected')

      const requestsBefore = relay.requests.length
      await page.getByTestId('panic').click()
      const banner = page.getByRole('alert').filter({ hasText: 'STOP NOT SENT' })
      await banner.waitFor({ timeout: 5_000 })
      expect(await banner.textContent()).toContain('not connected to the core')
      await evaluateInEditor('"typed while the core was away"')
      await expect
        .poll(() => newestRow().locator('.cell.failure').textContent())
        .toBe('not sent: not connected to the core')
      // The tab's text could not be saved either, and the page says so.
      const unsaved = page.getByRole('alert').filter({ hasText: 'not saved' })
      await unsaved.waitFor({ timeout: 5_000 })
      expect(await unsaved.textContent()).toContain(
        '"Untitled 1" not saved: not sent: not connected to the core',
      )
      expect(relay.requests.length).toBe(requestsBefore)

      // The new core knows a point the page has not heard of: only a snapshot can show it.
      const restarted = await startCore()
      const gamma = await AnsweringInstance.open('bridge-gamma', oscPort)
      try {
        await gamma.beacon()
        await expect
          .poll(() => restarted.points.list().some((p) => p.scName === 'bridge-gamma'))
          .toBe(true)
        relay.serve(restarted.dispatcher)
        await relay.signal('connected')
        await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')
        await page.locator('[data-point="bridge-gamma"]').waitFor({ timeout: 10_000 })

        // Back and working: new code goes out, the old one never does.
        await alpha.beacon()
        await evaluateInEditor('1+1')
        await expect
          .poll(() => newestRow().getByTestId('result-cell').first().getAttribute('data-kind'), {
            timeout: 10_000,
          })
          .toBe('finished')
        await new Promise((done) => setTimeout(done, 1500))
        // Only the code sent after the reconnect reached the instance.
        expect(alpha.codes.slice(codesBefore)).toEqual(['1+1'])
        const methods = relay.requests.slice(requestsBefore).map((request) => request.method)
        expect(methods).not.toContain('stop')

        // Typing after the reconnect saved the tab: that banner went by itself.
        await expect.poll(() => unsaved.count()).toBe(0)
        // The stop banner stays until dismissed, through the reconnect.
        expect(await banner.count()).toBe(1)
        await page.screenshot({ path: join(artifacts, '21-bridge-stop-not-sent.png') })
        await banner.getByRole('button', { name: 'dismiss' }).click()
        await expect.poll(() => banner.count()).toBe(0)
        expect(sockets).toEqual([])
      } finally {
        await gamma.close()
      }
    })

    it('fails requests to a core that hangs: at its deadline, or at once when the connection drops', async () => {
      await alpha.beacon()
      relay.hangRequests = true
      await evaluateInEditor('"held then dropped"')
      await relay.signal('disconnected')
      await expect
        .poll(() => newestRow().locator('.cell.failure').textContent())
        .toBe('connection to the core lost')
      relay.hangRequests = false
      await relay.signal('connected')
      await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected')

      await alpha.beacon()
      relay.hangRequests = true
      try {
        await evaluateInEditor('"held until the deadline"')
        const row = newestRow()
        // The row is there at once, saying its request is on the way.
        expect(await row.getByTestId('evaluation-note').textContent()).toBe('sending…')
        await page.getByTestId('panic').click()
        const banner = page.getByRole('alert').filter({ hasText: 'STOP FAILED' })
        await banner.waitFor({ timeout: 15_000 })
        expect(await banner.textContent()).toContain('no answer from the core within 5 s')
        await expect
          .poll(() => row.locator('.cell.failure').textContent(), { timeout: 20_000 })
          .toBe('no answer from the core within 10 s')
        await page.screenshot({ path: join(artifacts, '23-bridge-no-answer.png') })
        await banner.getByRole('button', { name: 'dismiss' }).click()
      } finally {
        relay.hangRequests = false
      }
    }, 60_000)
  },
)
