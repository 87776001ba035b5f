import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { OscTestClient } from '../support/osc-test-client.js'
import { openSocket, rawExchange } from '../support/raw-http.js'
import { startServe, type ServeProcess } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

function openClient(url: URL): Promise<WebSocket> {
  const socket = new WebSocket(`ws://${url.host}/ws?token=${url.searchParams.get('token')}`)
  socket.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('unexpected-response', () => reject(new Error('refused')))
  })
}

let nextId = 1

/** One request over the socket and its answer. */
function ask(socket: WebSocket, method: string): Promise<{ ok: boolean; value?: unknown }> {
  const id = nextId++
  return new Promise((done) => {
    const listener = (data: Buffer) => {
      const frame = JSON.parse(String(data)) as { id?: number; ok: boolean; value?: unknown }
      if (frame.id !== id) return
      socket.off('message', listener)
      done(frame)
    }
    socket.on('message', listener)
    socket.send(JSON.stringify({ id, method, params: {} }))
  })
}

function exited(serve: ServeProcess): Promise<number | null> {
  if (serve.process.exitCode !== null) return Promise.resolve(serve.process.exitCode)
  return new Promise((done) => serve.process.once('exit', (code) => done(code)))
}

describe('npm run serve under requests meant to stop it', () => {
  let data: ReturnType<typeof makeTempDir>
  let serve: ServeProcess | undefined
  afterEach(async () => {
    if (serve && serve.process.exitCode === null) serve.process.kill('SIGKILL')
    serve = undefined
    data?.remove()
  })

  it("survives the issue's killer inputs and keeps serving OSC and the page", async () => {
    data = makeTempDir('serve-killers')
    serve = await startServe(data.path)
    const url = new URL(serve.url)
    const port = Number(url.port)
    const token = url.searchParams.get('token')!
    const upgrade =
      'upgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-version: 13\r\n' +
      'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\n'
    for (const target of ['//[', '//%', '//a:b:c', `/%E0%A4%A?token=${token}`]) {
      await rawExchange(port, `GET ${target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`)
      await rawExchange(port, `GET ${target} HTTP/1.1\r\nhost: x\r\n${upgrade}\r\n`, 1000)
    }
    const deep = '['.repeat(10_000) + ']'.repeat(10_000)
    for (const frame of [
      'null',
      `{"id":${deep},"method":"snapshot"}`,
      `{"id":1,"method":${deep}}`,
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      'x'.repeat(2 * 1024 * 1024 + 1),
    ]) {
      const socket = await openClient(url)
      const closed = new Promise((done) => socket.once('close', done))
      socket.send(frame, { binary: false })
      await new Promise((done) => setTimeout(done, 50))
      socket.terminate()
      await closed
    }
    expect(serve.process.exitCode).toBeNull()

    const instance = await OscTestClient.open()
    await instance.send(serve.oscPort, '/beacon', [
      'name',
      'still-here',
      'lang_port',
      instance.port,
    ])
    await instance.close()
    const socket = await openClient(url)
    const names = async () => {
      const answer = await ask(socket, 'snapshot')
      return (answer.value as { points: { scName: string }[] }).points.map((point) => point.scName)
    }
    const deadline = Date.now() + 10_000
    while (!(await names()).includes('still-here') && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 50))
    expect(await names()).toContain('still-here')
    socket.close()
    await serve.stop()
    expect(serve.process.exitCode).toBe(0)
  }, 60_000)

  /** A client that sent half a request header and waits: what held the old shutdown 68 s. */
  async function halfOpenRequest(serve: ServeProcess) {
    const socket = await openSocket(Number(new URL(serve.url).port))
    socket.on('error', () => undefined)
    socket.write('GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-half: ')
    return socket
  }

  it('exits on SIGTERM within seconds while a request hangs half-open', async () => {
    data = makeTempDir('serve-half-open')
    serve = await startServe(data.path)
    const socket = await halfOpenRequest(serve)
    const started = Date.now()
    serve.process.kill('SIGTERM')
    // Generous for a loaded machine; the old shutdown took 68 s here.
    expect(await exited(serve)).toBe(0)
    expect(Date.now() - started).toBeLessThan(15_000)
    socket.destroy()
  }, 30_000)

  it('exits at once on a second signal', async () => {
    data = makeTempDir('serve-twice')
    serve = await startServe(data.path)
    const socket = await halfOpenRequest(serve)
    serve.process.kill('SIGTERM')
    const running = serve
    const deadline = Date.now() + 10_000
    while (!running.output().includes('SIGTERM: closing') && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 10))
    serve.process.kill('SIGINT')
    expect(await exited(serve)).toBe(130)
    expect(serve.output()).toContain('SIGINT again: exiting now')
    socket.destroy()
  }, 30_000)
})
