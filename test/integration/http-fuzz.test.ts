import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  outsideTheSite,
  startBrowserServer,
  type BrowserServerFixture,
} from '../support/browser-server-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { parseRawAnswer } from '../support/raw-http.js'
import { fuzzSeed, randomTools, seededRandom } from '../support/seeded-random.js'

const cases = 10_000
const notHttp = Array.from({ length: 0x20 }, (_, byte) => byte).filter(
  (byte) => byte !== 0x0a && byte !== 0x0d,
)
const concurrency = 16

interface Case {
  readonly request: Buffer
  /** True when the request carries the right token (query or cookie). */
  readonly authorized: boolean
}

/** Builds one odd request, drawing only from `random`. */
function caseMaker(random: () => number, port: number, token: string) {
  const { int, pick, bytes, text } = randomTools(random)
  const cookieName = `gencaster_token_${port}`
  const escape = () =>
    pick(['%', '%E0%A4%A', '%zz', '%2e%2e', '%2f', '%5c', '%00', '%C0%AF', '%ff'])
  const segment = (): string =>
    pick([
      () => text(1 + int(12)),
      () => '..',
      () => '.',
      () => '',
      escape,
      () => '[',
      () => ':',
      () => 'a:b:c',
      () => '\\..',
      () => 'index.html',
      () => 'secret.txt',
      () => 'assets',
      () => 'app.js',
      () => 'ws',
      () =>
        encodeURIComponent(String.fromCharCode(...Array.from({ length: 3 }, () => int(0x3000)))),
    ])()
  const path = (): string =>
    pick([
      () => '//[',
      () => '//%',
      () => '//a:b:c',
      () => '/' + Array.from({ length: int(6) }, segment).join('/'),
      () => '/' + Array.from({ length: 1 + int(4) }, segment).join('/'),
      () => '/' + text(int(20_000)),
      () => '*',
      () => 'http://127.0.0.1/' + segment(),
      () => 'http://[',
      () => text(1 + int(10)),
      // Raw bytes in the target: Node's parser refuses most of them (400).
      () =>
        '/' +
        bytes(1 + int(30))
          .toString('latin1')
          .replace(/[\r\n ]/g, '_'),
    ])()
  const tokenValue = () => pick([token, token, 'wrong', '', token.slice(1), `${token}x`])
  return (): Case => {
    const query: string[] = []
    const headers: string[] = [`host: 127.0.0.1:${port}`]
    let authorized = false
    for (let n = int(3); n > 0; n -= 1) {
      const value = tokenValue()
      authorized ||= value === token
      query.push(`token=${pick([value, encodeURIComponent(value), escape()])}`)
    }
    if (int(4) === 0) query.push(`${text(3)}=${escape()}`)
    const cookies: string[] = []
    for (let n = int(3); n > 0; n -= 1) {
      const value = tokenValue()
      const name = pick([cookieName, cookieName, 'gencaster_token', 'gencaster_token_1', text(4)])
      authorized ||= name === cookieName && value === token
      cookies.push(`${name}=${value}`)
    }
    if (cookies.length > 0) headers.push(`cookie: ${cookies.join(pick(['; ', ';', ' ; ']))}`)
    if (int(4) === 0) {
      headers.push('upgrade: websocket', 'connection: Upgrade', 'sec-websocket-version: 13')
      if (int(3) > 0) headers.push('sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==')
      if (int(3) === 0)
        headers.push(`origin: ${pick(['http://evil.example', `http://127.0.0.1:${port}`])}`)
    } else headers.push('connection: close')
    const method = pick([
      'GET',
      'GET',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'OPTIONS',
      'PATCH',
      text(1 + int(8)).toUpperCase(),
      'G\u00e9T',
    ])
    const target = path() + (query.length > 0 ? `?${query.join('&')}` : '')
    const request =
      int(40) === 0
        ? // Not HTTP at all: a first byte no method starts with (nor an empty line, which a
          // server skips before a request).
          Buffer.concat([Buffer.from([pick(notHttp)]), bytes(int(200)), Buffer.from('\r\n\r\n')])
        : Buffer.from(`${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1')
    return { request, authorized }
  }
}

/** Sends one case; resolves with the status line's code (0: closed without an answer). */
function exchange(port: number, request: Buffer): Promise<{ status: number; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        new Error(
          `no answer in 5 s to ${JSON.stringify(request.toString('latin1').slice(0, 300))}`,
        ),
      )
    }, 5000)
    const finish = () => {
      clearTimeout(timer)
      socket.destroy()
      const raw = Buffer.concat(chunks).toString('latin1')
      resolve({ status: parseRawAnswer(raw)?.status ?? 0, raw })
    }
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      const raw = Buffer.concat(chunks).toString('latin1')
      const answer = parseRawAnswer(raw)
      // A socket that was let in stays open: its answer's head is enough.
      if (answer?.status === 101) finish()
      else if (
        answer &&
        Buffer.byteLength(answer.body, 'latin1') >=
          Number(answer.headers['content-length'] ?? Infinity)
      )
        finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.write(request)
  })
}

describe('fuzzing browser mode over HTTP', () => {
  let site: BrowserServerFixture
  beforeAll(async () => {
    site = await startBrowserServer()
  })
  afterAll(async () => {
    await site.close()
  })

  it(`answers ${cases} odd requests, never lets one in without the token, and keeps the core up`, async () => {
    const random = seededRandom(fuzzSeed('HTTP'))
    const next = caseMaker(random, site.port, site.token)
    const plan = Array.from({ length: cases }, next)
    const statuses = new Map<number, number>()
    const instance = await OscTestClient.open()
    try {
      for (let batch = 0; batch < cases; batch += 1000) {
        const slice = plan.slice(batch, batch + 1000)
        let cursor = 0
        const worker = async () => {
          while (cursor < slice.length) {
            const fuzz = slice[cursor++]!
            const { status, raw } = await exchange(site.port, fuzz.request)
            statuses.set(status, (statuses.get(status) ?? 0) + 1)
            const what = JSON.stringify(fuzz.request.toString('latin1').slice(0, 300))
            expect(status, `answer to ${what}:\n${raw.slice(0, 300)}`).toBeGreaterThanOrEqual(100)
            expect(status, `answer to ${what}`).not.toBe(500)
            if (!fuzz.authorized)
              expect([200, 101], `let in without the token: ${what}`).not.toContain(status)
            expect(raw, `a file outside the renderer for ${what}`).not.toContain(outsideTheSite)
            if (status !== 101)
              expect(raw.toLowerCase(), `headers of ${what}`).toContain('x-frame-options: deny')
          }
        }
        await Promise.all(Array.from({ length: concurrency }, worker))
        // After each batch: the page is served, and the core behind it still takes OSC.
        await site.stillServing(`after-batch-${batch}`, instance)
      }
    } finally {
      await instance.close()
    }
    console.log('HTTP fuzz statuses', Object.fromEntries(statuses))
  }, 120_000)
})
