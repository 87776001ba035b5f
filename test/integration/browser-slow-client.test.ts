import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { startBrowserServer, type BrowserServerFixture } from '../support/browser-server-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { waitFor } from '../support/wait-for.js'

/** A client whose page stopped reading: its socket takes nothing more off the wire. */
function stopReading(client: WebSocket): void {
  ;(client as unknown as { _socket: Socket })._socket.pause()
}

/** Counts the core events a client receives. */
function countEvents(client: WebSocket): { events: () => number } {
  let events = 0
  client.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { events?: unknown[] }
    events += frame.events?.length ?? 0
  })
  return { events: () => events }
}

describe('browser mode with a client that stops reading', () => {
  let site: BrowserServerFixture | undefined
  afterEach(async () => {
    await site?.close()
    site = undefined
  })

  it('drops a client whose queue passes the bound, keeps the others, and a new one resyncs', async () => {
    const limit = 1024 * 1024
    site = await startBrowserServer({ maxQueuedBytes: limit, heartbeatMs: 60_000 })
    const fixture = site
    const slow = await fixture.connect()
    const reader = await fixture.connect()
    const received = countEvents(reader)
    stopReading(slow)
    await waitFor('both clients', () =>
      fixture.server.clientStats().length === 2 ? true : undefined,
    )

    // A flood of core events: 800 log lines of 32 KB each (25 MB) over real UDP, paced so the
    // kernel keeps every datagram, while the server's queues are sampled.
    // Four instances: each stays within its console line budget (200 per 10 s).
    const instances = await Promise.all([1, 2, 3, 4].map(() => OscTestClient.open()))
    const lines = 800
    let peak = 0
    const sampler = setInterval(() => {
      for (const stats of fixture.server.clientStats()) peak = Math.max(peak, stats.queuedBytes)
    }, 5)
    try {
      for (let n = 0; n < lines; n += 1) {
        const message = `${n} `.padEnd(32 * 1024, 'x')
        await instances[n % 4]!.send(fixture.core.oscPort, '/log', [
          'level',
          'INFO',
          'message',
          message,
        ])
        if (n % 20 === 19) await new Promise((done) => setTimeout(done, 5))
      }
      await waitFor('the slow client to be dropped', () =>
        fixture.server.clientStats().length === 1 ? true : undefined,
      )
      await waitFor(
        'every event at the reading client',
        () => (received.events() >= lines ? true : undefined),
        20_000,
      )
    } finally {
      clearInterval(sampler)
      for (const instance of instances) await instance.close()
    }
    expect(received.events()).toBe(lines)
    expect(reader.readyState).toBe(reader.OPEN)
    // The bound plus one frame (one turn's events: at most a few of these 32 KB lines).
    expect(peak).toBeLessThan(2 * limit)
    for (const stats of fixture.server.clientStats())
      expect(stats.peakQueuedBytes).toBeLessThan(2 * limit)
    expect(fixture.logged.some((line) => line.includes('browser client dropped'))).toBe(true)

    // The tablet comes back: a new connection and a fresh snapshot with what it missed.
    const back = await fixture.connect()
    const snapshot = await new Promise<{ value: { logs: { message: string }[] } }>((done) => {
      back.on('message', (data) => {
        const frame = JSON.parse(String(data)) as {
          id?: number
          value: { logs: { message: string }[] }
        }
        if (frame.id === 1) done(frame)
      })
      back.send(JSON.stringify({ id: 1, method: 'snapshot', params: {} }))
    })
    expect(snapshot.value.logs.some((entry) => entry.message.startsWith(`${lines - 1} `))).toBe(
      true,
    )
    back.close()
    reader.close()
    slow.terminate()
  }, 60_000)

  it('drops a client that misses a ping, and keeps one that answers', async () => {
    site = await startBrowserServer({ heartbeatMs: 500 })
    const fixture = site
    const silent = await fixture.connect()
    const answering = await fixture.connect()
    stopReading(silent)
    await waitFor('the silent client to be dropped', () =>
      fixture.server.clientStats().length === 1 ? true : undefined,
    )
    expect(fixture.logged.some((line) => line.includes('did not answer a ping'))).toBe(true)
    expect(answering.readyState).toBe(answering.OPEN)
    answering.close()
    silent.terminate()
  })
})
