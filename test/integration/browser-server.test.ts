import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { BrowserServer } from '../../src-main/headless/browser-server.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

function rawGet(port: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: Number(port), path, method: 'GET' },
      (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      },
    )
    request.on('error', reject)
    request.end()
  })
}

describe('browser mode server (HTTP + WebSocket) and the contract dispatcher', () => {
  let fixture: CoreFixture
  let site: ReturnType<typeof makeTempDir>
  let server: BrowserServer
  let url: URL

  beforeEach(async () => {
    fixture = await startCore()
    site = makeTempDir('site')
    const rendererDir = join(site.path, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<div id="root"></div>')
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    // Right beside the renderer folder: one ".." away.
    writeFileSync(join(site.path, 'secret.txt'), 'outside the site')
    server = new BrowserServer({
      host: '127.0.0.1',
      port: 0,
      rendererDir,
      dispatcher: fixture.core.dispatcher,
    })
    url = new URL(await server.start())
  })
  afterEach(async () => {
    await server.close()
    site.remove()
    await fixture.close()
  })

  const origin = () => `http://${url.host}`
  const token = () => url.searchParams.get('token')!

  it('serves the page with the token and sets the cookie the page then uses', async () => {
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('id="root"')
    const cookie = page.headers.get('set-cookie')!
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const asset = await fetch(`${origin()}/assets/app.js`, {
      headers: { cookie: cookie.split(';')[0]! },
    })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('javascript')
  })

  it('gives nothing without the token, or with a wrong one', async () => {
    for (const path of ['/', '/assets/app.js', '/?token=wrong']) {
      const response = await fetch(`${origin()}${path}`)
      expect(response.status).toBe(401)
      expect(await response.text()).not.toContain('root')
    }
  })

  it('never serves a file outside the renderer folder', async () => {
    // Raw request paths: fetch() would normalize the dots away before sending.
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const { status, body } = await rawGet(url.port, `${path}?token=${token()}`)
      expect(body).not.toContain('outside the site')
      expect(status).toBe(404)
    }
  })

  function connect(options: { withToken: boolean; origin?: string }): Promise<WebSocket> {
    const socket = new WebSocket(
      `ws://${url.host}/ws${options.withToken ? `?token=${token()}` : ''}`,
      {
        headers: { origin: options.origin ?? origin() },
      },
    )
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(socket))
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(String(response.statusCode))),
      )
      socket.once('error', reject)
    })
  }

  /** Every frame a socket receives, its events unpacked from their batches, and its answers. */
  function listen(socket: WebSocket) {
    const frames: Record<string, unknown>[] = []
    const events: { event: string; payload: unknown; frame: number }[] = []
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>
      frames.push(frame)
      for (const event of (frame.events ?? []) as { event: string; payload: unknown }[])
        events.push({ ...event, frame: frames.length - 1 })
    })
    const answer = (id: number | null) =>
      waitFor(`answer ${id}`, () => frames.find((frame) => frame.id === id))
    return { frames, events, answer }
  }

  it('refuses sockets without the token or from another origin', async () => {
    await expect(connect({ withToken: false })).rejects.toThrow('401')
    await expect(connect({ withToken: true, origin: 'http://evil.example' })).rejects.toThrow('401')
  })

  it('answers requests, reports bad ones as errors, and pushes core events', async () => {
    const socket = await connect({ withToken: true })
    const { frames, events, answer } = listen(socket)
    socket.send(JSON.stringify({ id: 1, method: 'snapshot', params: {} }))
    expect(await answer(1)).toMatchObject({
      ok: true,
      value: { points: [], onlineWindowMs: 60_000 },
    })
    socket.send(JSON.stringify({ id: 2, method: 'dropTables', params: {} }))
    expect(await answer(2)).toEqual({ id: 2, ok: false, error: 'unknown request dropTables' })
    socket.send(JSON.stringify({ id: 3, method: 'sendCode', params: { code: '', targets: [] } }))
    expect(await answer(3)).toMatchObject({
      ok: false,
      error: expect.stringContaining('bad sendCode request'),
    })
    socket.send('{ not json')
    expect(await answer(null)).toMatchObject({ ok: false, error: 'not JSON' })
    socket.send(JSON.stringify({ id: 4, method: 'speak', params: { text: 'hello', targets: [] } }))
    expect(await answer(4)).toMatchObject({
      ok: false,
      error: expect.stringContaining('speech not configured'),
    })

    const instance = await OscTestClient.open()
    await instance.send(fixture.oscPort, '/beacon', ['name', 'pushed', 'lang_port', instance.port])
    const pushed = await waitFor('the point event', () =>
      events.find((frame) => frame.event === 'point-changed'),
    )
    expect(pushed).toMatchObject({ payload: { scName: 'pushed' } })
    const point = (pushed.payload as { uuid: string }).uuid
    socket.send(
      JSON.stringify({ id: 5, method: 'sendCode', params: { code: '1+1', targets: [point] } }),
    )
    const sent = await answer(5)
    expect(sent).toMatchObject({
      ok: true,
      value: { instructions: [{ state: 'SENT' }] },
    })
    // The code went out with the request; the answer and events carry states, the row the code.
    const sentUuid = (sent as { value: { instructions: { uuid: string }[] } }).value
      .instructions[0]!
    expect(fixture.core.tracker.get(sentUuid.uuid)?.instructionText).toBe('1+1')
    // The events of the request's own turn come before its answer, never after.
    const instructionEvents = events.filter((frame) => frame.event === 'instruction-changed')
    expect(instructionEvents.map((frame) => (frame.payload as { state: string }).state)).toEqual([
      'UNACKNOWLEDGED',
      'SENT',
    ])
    expect(instructionEvents.every((frame) => frame.frame < frames.indexOf(sent))).toBe(true)
    socket.send(
      JSON.stringify({
        id: 6,
        method: 'saveDocument',
        params: { title: 'set', text: 'Ndef(\\a)' },
      }),
    )
    expect(await answer(6)).toMatchObject({
      ok: true,
      value: { status: 'saved', document: { title: 'set', text: 'Ndef(\\a)', revision: 1 } },
    })
    socket.send(JSON.stringify({ id: 7, method: 'listDocuments', params: {} }))
    expect(await answer(7)).toMatchObject({ ok: true, value: [{ title: 'set' }] })
    await instance.close()
    socket.close()
  })

  it('lists active streams with their variables and sends a variable to SuperCollider', async () => {
    const socket = await connect({ withToken: true })
    const { events, answer } = listen(socket)
    const instance = await OscTestClient.open()
    const received: string[] = []
    instance.onMessage((datagram) => received.push(datagram.toString('latin1')))
    await instance.send(fixture.oscPort, '/beacon', [
      'name',
      'listened',
      'lang_port',
      instance.port,
    ])
    await waitFor('the point', () => fixture.core.points.list()[0])
    const stream = fixture.core.streams.getFreeStream()
    // The dashboard learns at once that the point is busy.
    const busy = await waitFor('streams-changed', () =>
      events.find((frame) => frame.event === 'streams-changed'),
    )
    expect(busy.payload).toEqual({ [stream.streamPoint]: { streams: 1, listeners: 1 } })
    // Events of one turn travel together: four changes, one frame.
    fixture.core.streams.addListener(stream.uuid)
    fixture.core.streams.addListener(stream.uuid)
    fixture.core.streams.removeListener(stream.uuid)
    fixture.core.streams.removeListener(stream.uuid)
    const changes = await waitFor('four more changes', () => {
      const found = events.filter((frame) => frame.event === 'streams-changed').slice(1)
      return found.length === 4 ? found : undefined
    })
    expect(new Set(changes.map((change) => change.frame)).size).toBe(1)
    expect(changes.map((change) => change.payload)).toEqual([
      { [stream.streamPoint]: { streams: 1, listeners: 2 } },
      { [stream.streamPoint]: { streams: 1, listeners: 3 } },
      { [stream.streamPoint]: { streams: 1, listeners: 2 } },
      { [stream.streamPoint]: { streams: 1, listeners: 1 } },
    ])
    fixture.core.variables.set({
      stream: stream.uuid,
      key: 'freq',
      value: '220',
      streamToSc: false,
    })
    socket.send(JSON.stringify({ id: 1, method: 'listStreams', params: {} }))
    expect(await answer(1)).toMatchObject({
      ok: true,
      value: [
        {
          stream: { uuid: stream.uuid, numListeners: 1 },
          variables: [{ key: 'freq', value: '220' }],
        },
      ],
    })
    socket.send(
      JSON.stringify({
        id: 2,
        method: 'setVariable',
        params: { stream: stream.uuid, key: 'freq', value: '440', streamToSc: true },
      }),
    )
    expect(await answer(2)).toMatchObject({
      ok: true,
      value: { variable: { value: '440' }, instruction: { state: 'SENT' } },
    })
    await waitFor('the Ndef at the instance', () =>
      received.some((text) => text.includes('Ndef("freq".asSymbol, 440);')) ? true : undefined,
    )
    socket.send(
      JSON.stringify({
        id: 3,
        method: 'setVariable',
        params: { stream: 'nope', key: 'k', value: 'v', streamToSc: false },
      }),
    )
    expect(await answer(3)).toMatchObject({ ok: false, error: 'no stream nope' })
    await instance.close()
    socket.close()
  })
})
