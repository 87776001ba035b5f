import { logLevels } from '../../src-main/contract/index.js'
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startBrowserServer, type BrowserServerFixture } from '../support/browser-server-fixture.js'

const megabyteOfCode = 'x = 1; // a line of code\n'.repeat(40_000)

describe('the tab list for a page on a slow link', () => {
  let site: BrowserServerFixture | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  it('arrives whole, however many big tabs were saved, while events keep coming', async () => {
    site = await startBrowserServer({ heartbeatMs: 60_000 })
    const { server } = site
    const core = site.core.core
    // Twenty tabs of 1 MB once made a 20 MB answer: a page still reading it when the next event
    // came had more than the 8 MiB bound waiting and was dropped, on every reconnect.
    for (let index = 0; index < 20; index++) {
      try {
        core.documents.save({
          title: `Big ${index}`,
          text: megabyteOfCode,
          position: index,
          nowIso: new Date().toISOString(),
        })
      } catch {
        // Refused past the limit: what the test is about is what gets through.
      }
    }
    const tablet = await site.connect()
    const answer = new Promise<{ value: { text: string }[] }>((done) => {
      tablet.on('message', (data) => {
        const frame = JSON.parse(String(data)) as { id?: number; value: { text: string }[] }
        if (frame.id === 1) done(frame)
      })
    })
    tablet.send(JSON.stringify({ id: 1, method: 'listDocuments', params: {} }))
    // The tablet's Wi-Fi stalls just as the answer goes out; the core's events go on.
    ;(tablet as unknown as { _socket: Socket })._socket.pause()
    await new Promise((done) => setTimeout(done, 300))
    for (let n = 0; n < 20; n++) {
      core.log.write({ origin: 'graph_engine', level: logLevels.INFO, name: 't', message: `${n}` })
      await new Promise((done) => setTimeout(done, 10))
    }
    expect(server.clientStats()).toHaveLength(1)
    ;(tablet as unknown as { _socket: Socket })._socket.resume()
    const listed = await answer
    expect(listed.value.length).toBeGreaterThanOrEqual(4)
    expect(listed.value.every((document) => document.text === megabyteOfCode)).toBe(true)
    tablet.close()
  }, 30_000)
})
