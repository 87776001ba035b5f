import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startBrowserServer } from '../support/browser-server-fixture.js'

/** A WebSocket handshake with `token`; resolves with the HTTP status it was refused with. */
function refusedSocket(host: string, token: string): Promise<number> {
  const socket = new WebSocket(`ws://${host}/ws?token=${token}`, {
    headers: { origin: `http://${host}` },
  })
  socket.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.once('open', () => reject(new Error('a wrong token was let in')))
  })
}

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
      .once('error', reject)
      .end()
  })
}

describe('refused browser-mode tokens', () => {
  it('logs the first attempts per address, then one summary, never the token', async () => {
    const site = await startBrowserServer()
    const wrongToken = 'wrong-token-guess-0123456789'
    try {
      for (let n = 0; n < 500; n += 1) {
        expect(await refusedSocket(site.url.host, `${wrongToken}${n}`)).toBe(401)
      }
      expect(await httpStatus(site.port, '/')).toBe(401)
      expect(site.logged).toEqual([
        'WARNING refused a WebSocket from 127.0.0.1: wrong token',
        'WARNING refused a WebSocket from 127.0.0.1: wrong token',
        'WARNING refused a WebSocket from 127.0.0.1: wrong token',
      ])
    } finally {
      await site.close()
    }
    // The minute's summary, written at close, counts the rest by kind.
    expect(site.logged.slice(3)).toEqual([
      'WARNING 498 further refused browser-mode requests from 127.0.0.1 not logged one by one in 60 s: 497 wrong token, 1 no token',
    ])
    expect(site.logged.join('\n')).not.toContain(wrongToken)
    expect(site.logged.join('\n')).not.toContain(site.token)
  }, 60_000)

  it('logs an HTTP request without a token', async () => {
    const site = await startBrowserServer()
    try {
      expect(await httpStatus(site.port, '/index.html')).toBe(401)
      expect(site.logged).toEqual(['WARNING refused an HTTP request from 127.0.0.1: no token'])
    } finally {
      await site.close()
    }
  })
})
