import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { BrowserServer } from '../../src-main/headless/browser-server.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

const pointCount = 1000
const code = `// ${'x'.repeat(59_990)}\n1`

describe('a large fan-out over browser mode', () => {
  let fixture: CoreFixture
  let site: ReturnType<typeof makeTempDir>
  let server: BrowserServer
  let osc: OscTestClient
  let url: URL

  beforeAll(async () => {
    fixture = await startCore()
    site = makeTempDir('site')
    mkdirSync(join(site.path, 'renderer'))
    writeFileSync(join(site.path, 'renderer', 'index.html'), '<div id="root"></div>')
    server = new BrowserServer({
      host: '127.0.0.1',
      port: 0,
      rendererDir: join(site.path, 'renderer'),
      dispatcher: fixture.core.dispatcher,
    })
    url = new URL(await server.start())
    osc = await OscTestClient.open()
    // Points that never answer: sclang ports nobody listens on.
    for (let index = 0; index < pointCount; index++) {
      await osc.send(fixture.oscPort, '/beacon', [
        'name',
        `fan-${index}`,
        'lang_port',
        30_000 + index,
      ])
    }
    await waitFor('every point', () =>
      fixture.core.points.list().length === pointCount ? true : undefined,
    )
  })
  afterAll(async () => {
    await osc.close()
    await server.close()
    site.remove()
    await fixture.close()
  })

  it('sends the code once, keeps serving OSC meanwhile, and answers for every point', async () => {
    const socket = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`, {
      headers: { origin: `http://${url.host}` },
    })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    let bytes = 0
    const order: string[] = []
    let answer: { ok: boolean; value: { instructions: Record<string, unknown>[] } } | undefined
    const changed: Record<string, unknown>[] = []
    socket.on('message', (data: Buffer) => {
      bytes += data.length
      const frame = JSON.parse(data.toString()) as Record<string, unknown>
      if (frame.id === 1) {
        order.push('answer')
        answer = frame as unknown as typeof answer
      }
      for (const { event, payload } of (frame.events ?? []) as {
        event: string
        payload: Record<string, unknown>
      }[]) {
        if (event === 'instruction-changed') changed.push(payload)
        if (event === 'point-changed' && payload.scName === 'latecomer') order.push('beacon')
      }
    })
    const targets = fixture.core.points.list().map((point) => point.uuid)
    socket.send(JSON.stringify({ id: 1, method: 'sendCode', params: { code, targets } }))
    // Sent after the request: the fan-out yields between its slices, so this beacon is applied
    // before the fan-out ends (a fan-out in one piece held it back until after the answer).
    await osc.send(fixture.oscPort, '/beacon', ['name', 'latecomer', 'lang_port', 29_999])
    const done = await waitFor('the answer', () => answer, 60_000)
    await waitFor('the beacon', () => (order.includes('beacon') ? true : undefined))
    socket.close()

    expect(done.ok).toBe(true)
    expect(done.value.instructions).toHaveLength(pointCount)
    expect(order.indexOf('beacon')).toBeLessThan(order.indexOf('answer'))
    // Created and sent: two changes per instruction, none of them carrying the code.
    expect(changed.length).toBeGreaterThanOrEqual(2 * pointCount)
    expect(changed.every((payload) => !('instructionText' in payload))).toBe(true)
    expect(done.value.instructions.every((payload) => !('instructionText' in payload))).toBe(true)
    // 1,000 times 60,000 characters is 60 MB; each state change carried it twice (181 MB).
    expect(bytes).toBeLessThan(5 * 1024 * 1024)
    // The database still has the code of each instruction.
    expect(
      fixture.core.tracker.get(String(done.value.instructions[0]!.uuid))?.instructionText,
    ).toBe(code)
  })
})
