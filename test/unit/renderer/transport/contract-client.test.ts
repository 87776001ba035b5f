import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RequestFrame } from '../../../../src-main/contract'
import {
  connectionLostError,
  ContractClient,
  notConnectedError,
} from '../../../../src-renderer/transport/contract-client'
import type { Carrier, CarrierSink } from '../../../../src-renderer/transport/transport'

/** A carrier the test drives by hand: it keeps what was sent and reports what the test says. */
class HandCarrier implements Carrier {
  readonly sent: RequestFrame[] = []
  sink!: CarrierSink
  start(sink: CarrierSink): void {
    this.sink = sink
  }
  send(frame: RequestFrame): void {
    this.sent.push(frame)
  }
  close(): void {}
}

describe('the request layer both transports use', () => {
  let carrier: HandCarrier
  let client: ContractClient

  beforeEach(() => {
    vi.useFakeTimers()
    carrier = new HandCarrier()
    client = new ContractClient(carrier, { default: 10_000, stop: 5_000 })
  })
  afterEach(() => vi.useRealTimers())

  it('answers a request by its id', async () => {
    carrier.sink.connection('connected')
    const answer = client.request('listDocuments', {})
    expect(carrier.sent).toHaveLength(1)
    const [frame] = carrier.sent
    carrier.sink.answer(frame!.id, { ok: true, value: [] })
    expect(await answer).toEqual({ ok: true, value: [] })
  })

  it('fails a request made before the first connection at once, and never sends it', async () => {
    expect(await client.request('sendCode', { code: '1', targets: ['a'] })).toEqual({
      ok: false,
      error: notConnectedError,
    })
    carrier.sink.connection('connected')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(carrier.sent).toHaveLength(0)
  })

  it('fails a request made in the reconnect gap at once, and never sends it after', async () => {
    carrier.sink.connection('connected')
    carrier.sink.connection('disconnected')
    const answer = await client.request('sendCode', { code: 'late', targets: ['a'] })
    expect(answer).toEqual({ ok: false, error: 'not sent: not connected to the core' })
    carrier.sink.connection('connected')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(carrier.sent).toHaveLength(0)
  })

  it('fails a request with no answer when its deadline passes; STOP has a shorter one', async () => {
    carrier.sink.connection('connected')
    const code = client.request('sendCode', { code: '1', targets: ['a'] })
    const stop = client.request('stop', { targets: ['a'] })
    let stopAnswer: unknown
    void stop.then((result) => (stopAnswer = result))
    await vi.advanceTimersByTimeAsync(4_999)
    expect(stopAnswer).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(stopAnswer).toEqual({ ok: false, error: 'no answer from the core within 5 s' })
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await code).toEqual({ ok: false, error: 'no answer from the core within 10 s' })
    // The answer that comes after all is dropped; the page has said it failed.
    carrier.sink.answer(carrier.sent[0]!.id, { ok: true, value: { instructions: [] } })
    expect(await code).toEqual({ ok: false, error: 'no answer from the core within 10 s' })
  })

  it('fails everything pending when the connection drops', async () => {
    carrier.sink.connection('connected')
    const first = client.request('snapshot', {})
    const second = client.request('history', {})
    carrier.sink.connection('disconnected')
    expect(await first).toEqual({ ok: false, error: connectionLostError })
    expect(await second).toEqual({ ok: false, error: connectionLostError })
  })

  it('fails a request the carrier cannot send', async () => {
    carrier.sink.connection('connected')
    carrier.send = () => {
      throw new Error('socket is closing')
    }
    expect(await client.request('snapshot', {})).toEqual({
      ok: false,
      error: 'not sent: socket is closing',
    })
  })

  it('tells a subscriber the current state at once, then each change', () => {
    const states: string[] = []
    carrier.sink.connection('connected')
    const unsubscribe = client.onConnection((state) => states.push(state))
    carrier.sink.connection('disconnected')
    carrier.sink.connection('disconnected')
    carrier.sink.connection('connected')
    unsubscribe()
    carrier.sink.connection('disconnected')
    expect(states).toEqual(['connected', 'disconnected', 'connected'])
  })

  it('passes events to their listeners only', () => {
    const seen: unknown[] = []
    const dispose = client.on('log-added', (entry) => seen.push(entry))
    carrier.sink.event('log-added', { uuid: 'l1' })
    carrier.sink.event('point-changed', { uuid: 'p1' })
    dispose()
    carrier.sink.event('log-added', { uuid: 'l2' })
    expect(seen).toEqual([{ uuid: 'l1' }])
  })
})

describe('a link that goes silent without closing (a pulled cable)', () => {
  /** A carrier whose link can die silently: it counts restarts and answers pings on demand. */
  class SilentCarrier extends HandCarrier {
    restarts = 0
    restart(): void {
      this.restarts += 1
      this.sink.connection('disconnected')
    }
  }
  let carrier: SilentCarrier
  let client: ContractClient

  beforeEach(() => {
    vi.useFakeTimers()
    carrier = new SilentCarrier()
    client = new ContractClient(carrier, { default: 10_000, ping: 4_000 }, 2_500)
  })
  afterEach(() => {
    client.close()
    vi.useRealTimers()
  })

  it('keeps the link while pings are answered', async () => {
    carrier.sink.connection('connected')
    for (let tick = 0; tick < 5; tick++) {
      await vi.advanceTimersByTimeAsync(2_500)
      const ping = carrier.sent.at(-1)!
      expect(ping.method).toBe('ping')
      carrier.sink.answer(ping.id, { ok: true, value: { serverNow: 0 } })
    }
    expect(carrier.restarts).toBe(0)
    expect(client.connection).toBe('connected')
  })

  it('restarts a quiet link whose ping goes unanswered', async () => {
    carrier.sink.connection('connected')
    await vi.advanceTimersByTimeAsync(2_500 + 4_000)
    expect(carrier.sent.map((frame) => frame.method)).toEqual(['ping'])
    expect(carrier.restarts).toBe(1)
    expect(client.connection).toBe('disconnected')
  })

  it('does not ping a link that carries frames or owes answers (a snapshot on slow Wi-Fi)', async () => {
    carrier.sink.connection('connected')
    // Events keep coming: the link is alive without a ping.
    for (let tick = 0; tick < 8; tick++) {
      carrier.sink.event('log-added', {})
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(carrier.sent).toHaveLength(0)
    // A big answer on its way: no ping queues behind it, however long it takes.
    const snapshot = client.request('snapshot', {})
    await vi.advanceTimersByTimeAsync(9_000)
    expect(carrier.sent.map((frame) => frame.method)).toEqual(['snapshot'])
    carrier.sink.answer(carrier.sent[0]!.id, { ok: true, value: {} })
    expect((await snapshot).ok).toBe(true)
    expect(carrier.restarts).toBe(0)
  })

  it('restarts a link that went silent with a request pending, once that request has failed', async () => {
    carrier.sink.connection('connected')
    const code = client.request('sendCode', { code: '1', targets: ['a'] })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await code).toMatchObject({ ok: false })
    await vi.advanceTimersByTimeAsync(2_500 + 4_000)
    expect(carrier.restarts).toBe(1)
  })

  it('does not watch a link that cannot die silently', async () => {
    const plain = new HandCarrier()
    const bridged = new ContractClient(plain, { default: 10_000 }, 2_500)
    plain.sink.connection('connected')
    await vi.advanceTimersByTimeAsync(20_000)
    expect(plain.sent).toHaveLength(0)
    bridged.close()
  })
})
