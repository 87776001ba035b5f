import type { Result } from '../../src-main/contract/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { ContractHandlers } from '../../src-main/core/dispatch/contract-handlers.js'
import { ContractDispatcher } from '../../src-main/core/dispatch/contract-dispatcher.js'
import { BrowserServer } from '../../src-main/headless/browser-server.js'
import { contentSecurityPolicy } from '../../src-main/headless/security-headers.js'
import { startBrowserServer, type BrowserServerFixture } from '../support/browser-server-fixture.js'
import { startCore } from '../support/core-fixture.js'
import { parseRawAnswer, rawExchange, rawRequest } from '../support/raw-http.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

const upgradeHeaders = {
  upgrade: 'websocket',
  connection: 'Upgrade',
  'sec-websocket-version': '13',
  'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
}

/** The next frame a socket receives, parsed. */
function nextFrame(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
  )
}

describe('browser mode at its edge: what no request may do', () => {
  let site: BrowserServerFixture
  beforeAll(async () => {
    site = await startBrowserServer()
  })
  afterAll(async () => {
    await site.close()
  })

  /** The server still serves the page, and the core behind it still takes OSC. */
  const stillServing = (name: string) => site.stillServing(name)

  it('answers targets that new URL() throws on, with or without the token, HTTP and upgrade', async () => {
    const withToken = { '//[': 404, '//%': 400, '//a:b:c': 404 }
    for (const [target, status] of Object.entries(withToken)) {
      expect((await rawRequest(site.port, 'GET', target)).status).toBe(401)
      expect((await rawRequest(site.port, 'GET', `${target}?token=${site.token}`)).status).toBe(
        status,
      )
      const upgrade = await rawRequest(site.port, 'GET', target, upgradeHeaders)
      expect(upgrade.status).toBe(401)
    }
    // Not a path at all (asterisk-form), and Node's own parser refusing garbage.
    expect((await rawRequest(site.port, 'GET', '*')).status).toBe(400)
    expect((await rawRequest(site.port, 'GET', '*', upgradeHeaders)).status).toBe(400)
    const garbage = parseRawAnswer(await rawExchange(site.port, '\x01\x02 nonsense\r\n\r\n'))
    expect(garbage?.status).toBe(400)
    await stillServing('after-targets')
  })

  it('answers a malformed percent escape with 400', async () => {
    const answer = await rawRequest(site.port, 'GET', `/%E0%A4%A?token=${site.token}`)
    expect(answer.status).toBe(400)
    expect(answer.body).toBe('malformed path\n')
    await stillServing('after-escape')
  })

  it('answers every odd frame with an error frame and keeps the connection', async () => {
    const socket = await site.connect()
    const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
    const cases: { frame: string | Buffer; binary?: boolean; id: number | null; error: string }[] =
      [
        { frame: 'null', id: null, error: 'bad request frame' },
        { frame: '42', id: null, error: 'bad request frame' },
        { frame: '"snapshot"', id: null, error: 'bad request frame' },
        { frame: '[]', id: null, error: 'bad request frame' },
        { frame: '{ not json', id: null, error: 'not JSON' },
        { frame: `{"id":${deep(10_000)},"method":"snapshot"}`, id: null, error: 'id invalid' },
        { frame: `{"id":7,"method":${deep(10_000)}}`, id: 7, error: 'method invalid' },
        { frame: '{"id":1e300,"method":"snapshot"}', id: null, error: 'id invalid' },
        { frame: `{"id":8,"method":"snapshot","params":${deep(10_000)}}`, id: 8, error: 'bad' },
        { frame: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), id: null, error: 'not valid UTF-8' },
        { frame: Buffer.from('{}'), binary: true, id: null, error: 'binary' },
      ]
    for (const { frame, binary, id, error } of cases) {
      const answered = nextFrame(socket)
      socket.send(frame, { binary: binary ?? false })
      expect(await answered).toMatchObject({ id, ok: false, error: expect.stringContaining(error) })
      const snapshot = nextFrame(socket)
      socket.send(JSON.stringify({ id: 99, method: 'snapshot', params: {} }))
      expect(await snapshot).toMatchObject({ id: 99, ok: true })
    }
    socket.close()
    await stillServing('after-frames')
  })

  it('closes a socket whose frame is over the size limit with 1009, and keeps serving', async () => {
    const socket = await site.connect()
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send('x'.repeat(2 * 1024 * 1024 + 1))
    expect(await closed).toBe(1009)
    await waitFor('the log line', () =>
      site.logged.find((line) => line.includes('Max payload size exceeded')),
    )
    const again = await site.connect()
    const snapshot = nextFrame(again)
    again.send(JSON.stringify({ id: 1, method: 'snapshot', params: {} }))
    expect(await snapshot).toMatchObject({ id: 1, ok: true })
    again.close()
    await stillServing('after-oversize')
  })
})

describe('browser mode when a request handler throws', () => {
  /** Stands for a bug in a handler: the one thing a real dispatcher is not meant to do. */
  /** The core's dispatcher, except that every request but the snapshot throws past it. */
  class ThrowingDispatcher extends ContractDispatcher {
    constructor(private readonly inner: ContractDispatcher) {
      super({} as ContractHandlers, (listener) => inner.subscribe(listener))
    }
    override async handle(method: string, params: unknown): Promise<Result<unknown>> {
      if (method === 'snapshot') return this.inner.handle(method, params)
      throw new RangeError('Maximum call stack size exceeded')
    }
  }

  it('answers the request with an error, logs it, and keeps the connection', async () => {
    const core = await startCore()
    const site = makeTempDir('site')
    const logged: string[] = []
    const server = new BrowserServer({
      host: '127.0.0.1',
      port: 0,
      rendererDir: site.path,
      dispatcher: new ThrowingDispatcher(core.core.dispatcher),
      log: (level, message) => logged.push(`${level} ${message}`),
    })
    try {
      const url = new URL(await server.start())
      const socket = new WebSocket(`ws://${url.host}/ws${url.search}`)
      await new Promise((resolve) => socket.once('open', resolve))
      const failed = nextFrame(socket)
      socket.send(JSON.stringify({ id: 5, method: 'listDocuments', params: {} }))
      expect(await failed).toEqual({
        id: 5,
        ok: false,
        error: 'internal error: Maximum call stack size exceeded',
      })
      expect(logged).toEqual(['ERROR browser request failed: Maximum call stack size exceeded'])
      const snapshot = nextFrame(socket)
      socket.send(JSON.stringify({ id: 6, method: 'snapshot', params: {} }))
      expect(await snapshot).toMatchObject({ id: 6, ok: true })
      socket.close()
    } finally {
      await server.close()
      site.remove()
      await core.close()
    }
  })
})

describe('browser mode headers and cookie', () => {
  let site: BrowserServerFixture
  let other: BrowserServerFixture
  beforeAll(async () => {
    site = await startBrowserServer()
    other = await startBrowserServer()
  })
  afterAll(async () => {
    await site.close()
    await other.close()
  })

  it('sends the security headers with every answer, whatever its status', async () => {
    const answers = [
      await rawRequest(site.port, 'GET', `/?token=${site.token}`),
      await rawRequest(site.port, 'GET', '/'),
      await rawRequest(site.port, 'GET', `/missing.js?token=${site.token}`),
      await rawRequest(site.port, 'GET', `/%E0%A4%A?token=${site.token}`),
      await rawRequest(site.port, 'GET', '*'),
      parseRawAnswer(await rawExchange(site.port, '\x01\x02 nonsense\r\n\r\n'))!,
      // Handshakes ws itself refuses: not a GET, no key.
      await rawRequest(site.port, 'POST', `/ws?token=${site.token}`, upgradeHeaders),
      await rawRequest(site.port, 'GET', `/ws?token=${site.token}`, {
        ...upgradeHeaders,
        'sec-websocket-key': '',
      }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 404, 400, 400, 400, 405, 400])
    for (const answer of answers) {
      expect(answer.headers).toMatchObject({
        'content-security-policy': contentSecurityPolicy,
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
    }
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'")
  })

  it('answers HEAD as GET, without a body', async () => {
    const get = await rawRequest(site.port, 'GET', `/?token=${site.token}`)
    const head = await rawRequest(site.port, 'HEAD', `/?token=${site.token}`)
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.body)))
    expect(head.headers['content-type']).toBe(get.headers['content-type'])
    expect((await rawRequest(site.port, 'HEAD', '/')).status).toBe(401)
    expect((await rawRequest(site.port, 'POST', `/?token=${site.token}`)).status).toBe(405)
  })

  it('names the cookie per core, so a second core on another port keeps the first one working', async () => {
    const cookieOf = async (fixture: BrowserServerFixture) =>
      (await rawRequest(fixture.port, 'GET', `/?token=${fixture.token}`)).headers[
        'set-cookie'
      ]!.split(';')[0]!
    const first = await cookieOf(site)
    const second = await cookieOf(other)
    expect(first).toBe(`gencaster_token_${site.port}=${site.token}`)
    expect(first.split('=')[0]).not.toBe(second.split('=')[0])
    // The browser keeps both (cookies ignore ports) and sends both to each core.
    const jar = `${first}; ${second}`
    expect((await rawRequest(site.port, 'GET', '/', { cookie: jar })).status).toBe(200)
    expect((await rawRequest(other.port, 'GET', '/', { cookie: jar })).status).toBe(200)
  })

  it('lets a right cookie in beside a wrong ?token= or a duplicate wrong cookie', async () => {
    const name = `gencaster_token_${site.port}`
    const right = `${name}=${site.token}`
    const get = (target: string, cookie: string) => rawRequest(site.port, 'GET', target, { cookie })
    expect((await get('/?token=stale', right)).status).toBe(200)
    expect((await get('/', `${name}=stale; ${right}`)).status).toBe(200)
    expect((await get('/', `${right}; ${name}=stale`)).status).toBe(200)
    expect((await get(`/?token=${site.token}`, `${name}=stale`)).status).toBe(200)
    expect((await get('/', `${name}=stale; ${name}=older`)).status).toBe(401)
    expect((await get('/', `gencaster_token_1=${site.token}`)).status).toBe(401)
    const socket = new WebSocket(`ws://${site.url.host}/ws?token=stale`, {
      headers: { cookie: right, origin: `http://${site.url.host}` },
    })
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    socket.close()
  })
})
