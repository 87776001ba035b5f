import type { StreamPoint } from '../../src-main/contract/index.js'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeOscDatagram } from '../../src-main/core/osc/osc-codec.js'
import { NoStreamAvailableError } from '../../src-main/core/streams/stream-service.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { waitFor } from '../support/wait-for.js'

/** A fake-free stand-in for an instance: a real UDP socket that beacons and sees instructions. */
class UdpInstance {
  readonly instructions: { uuid: string; code: string; manualFinish: boolean }[] = []
  private constructor(
    readonly client: OscTestClient,
    private readonly corePort: number,
  ) {
    client.onMessage((datagram) => {
      for (const message of decodeOscDatagram(datagram)) {
        const [uuid, code, manualFinish] = message.args as [string, string, boolean]
        this.instructions.push({ uuid, code, manualFinish })
      }
    })
  }

  static async open(corePort: number): Promise<UdpInstance> {
    return new UdpInstance(await OscTestClient.open(), corePort)
  }

  /** A beacon as the original class sends it: uuid 0, status BEACON, ports as strings. */
  beacon(name: string, extra: (string | number)[] = []): Promise<void> {
    return this.client.send(this.corePort, '/beacon', [
      'name',
      name,
      'synth_port',
      57110,
      'lang_port',
      this.client.port,
      'uuid',
      0,
      'status',
      'BEACON',
      'use_input',
      1,
      'janus_out_room',
      String(this.client.port % 1000),
      'janus_out_port',
      '5002',
      ...extra,
    ])
  }

  ack(uuid: string, status: string, returnValue?: string, route = '/acknowledge'): Promise<void> {
    const args = [
      'uuid',
      uuid,
      'status',
      status,
      ...(returnValue === undefined ? [] : ['return_value', returnValue]),
    ]
    return this.client.send(this.corePort, route, args)
  }
}

describe('OSC server over real UDP with a real database file', () => {
  let fixture: CoreFixture
  let instance: UdpInstance
  let sender: OscTestClient

  beforeEach(async () => {
    fixture = await startCore({ answerTimeoutSeconds: 0.5 })
    instance = await UdpInstance.open(fixture.oscPort)
    sender = await OscTestClient.open()
  })
  afterEach(async () => {
    await instance.client.close()
    await sender.close()
    await fixture.close()
  })

  const logs = (text: string) => fixture.core.log.query({ text })
  const pointNamed = (name: string): Promise<StreamPoint> =>
    waitFor(`point ${name}`, () =>
      fixture.core.points.list().find((point) => point.scName === name),
    )

  async function remoteAction(fields: (string | number)[]): Promise<void> {
    await sender.send(fixture.oscPort, '/remote/action', fields)
  }

  /** A valid code action with the right password; `extra` adds or overrides keys. */
  const codeAction = (cmd: string, extra: (string | number)[] = []) =>
    remoteAction(remoteActionArgs({ password: 'test-password', cmd, extra }))

  it('discovers an instance by beacon and refreshes it by (host, lang_port)', async () => {
    await instance.beacon('one')
    const first = await pointNamed('one')
    expect(first).toMatchObject({
      host: '127.0.0.1',
      port: instance.client.port,
      useInput: true,
      janusOutPort: 5002,
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await instance.beacon('renamed')
    const second = await pointNamed('renamed')
    expect(second.uuid).toBe(first.uuid)
    expect(second.lastLive! > first.lastLive!).toBe(true)
    expect(fixture.core.points.list()).toHaveLength(1)
  })

  it('runs the instruction lifecycle and never moves a state back', async () => {
    await instance.beacon('one')
    const point = await pointNamed('one')
    const sent = fixture.core.tracker.send(point, '1+1')
    expect(sent.state).toBe('SENT')
    const wire = await waitFor('the instruction on the wire', () => instance.instructions[0])
    expect(wire).toEqual({ uuid: sent.uuid, code: '1+1', manualFinish: false })
    // The original class acknowledges everything twice, and UDP may reorder.
    await instance.ack(sent.uuid, 'RECEIVED')
    await instance.ack(sent.uuid, 'FINISHED', '2')
    await instance.ack(sent.uuid, 'RECEIVED')
    await instance.ack(sent.uuid, 'FINISHED', '3', '/acknowledge_handler')
    await instance.ack(sent.uuid, 'FAILURE', 'late')
    await waitFor('FINISHED', () =>
      fixture.core.tracker.get(sent.uuid)?.state === 'FINISHED' ? true : undefined,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const done = fixture.core.tracker.get(sent.uuid)!
    expect(done).toMatchObject({ state: 'FINISHED', returnValue: '2', noAnswerDate: null })
    expect(done.sentDate! <= done.receivedDate!).toBe(true)
    expect(done.receivedDate! <= done.finishedDate!).toBe(true)
    expect(done.roundTripMs).toBeGreaterThan(0)
  })

  it('maps an unknown status to FAILURE and logs an unknown uuid without changing anything', async () => {
    await instance.beacon('one')
    const sent = fixture.core.tracker.send(await pointNamed('one'), 'x')
    await instance.ack(sent.uuid, 'WEIRD')
    await waitFor('FAILURE', () =>
      fixture.core.tracker.get(sent.uuid)?.state === 'FAILURE' ? true : undefined,
    )
    await instance.ack('no-such-uuid', 'FINISHED', '1')
    const error = await waitFor('the error', () => logs('unknown instruction no-such-uuid')[0])
    expect(error.level).toBe(40)
  })

  it('marks "no answer" when only RECEIVED comes (the original class on a runtime error)', async () => {
    await instance.beacon('one')
    const sent = fixture.core.tracker.send(await pointNamed('one'), '1/nil')
    await instance.ack(sent.uuid, 'RECEIVED')
    const marked = await waitFor('no answer', () => {
      const current = fixture.core.tracker.get(sent.uuid)
      return current?.noAnswerDate ? current : undefined
    })
    expect(marked.state).toBe('RECEIVED')
    expect(fixture.core.tracker.pendingCount()).toBe(0)
    // A late answer still lands, with its round trip from the stored send time.
    await instance.ack(sent.uuid, 'FINISHED', 'nil')
    const late = await waitFor('late FINISHED', () => {
      const current = fixture.core.tracker.get(sent.uuid)
      return current?.state === 'FINISHED' ? current : undefined
    })
    expect(late.roundTripMs).toBeGreaterThanOrEqual(500)
  })

  it('fails an instruction too large for one datagram at once, with the reason', async () => {
    await instance.beacon('one')
    const sent = fixture.core.tracker.send(await pointNamed('one'), 'x'.repeat(70_000))
    expect(sent.state).toBe('FAILURE')
    expect(sent.returnValue).toMatch(/not sent: code too large for one UDP datagram/)
  })

  it('runs a code remote action on matching free points only, busy ones on request', async () => {
    const other = await UdpInstance.open(fixture.oscPort)
    try {
      await instance.beacon('alpha')
      await other.beacon('beta')
      await pointNamed('alpha')
      const beta = await pointNamed('beta')
      await codeAction('"all"')
      await waitFor('both to get it', () =>
        instance.instructions.length && other.instructions.length ? true : undefined,
      )
      await codeAction('"beta only"', ['target', 'beta'])
      await waitFor('beta to get it', () => (other.instructions.length === 2 ? true : undefined))
      // The janus_out_room target, as the original matched it.
      await codeAction('"room"', ['target', String(beta.janusOutRoom)])
      await waitFor('beta to get the room target', () =>
        other.instructions.length === 3 ? true : undefined,
      )
      expect(instance.instructions.map((i) => i.code)).toEqual(['"all"'])

      // beta gets a listener: it is busy, left out unless include_busy is set.
      const stream = fixture.core.streams.getFreeStream()
      const busy = stream.streamPoint === beta.uuid ? other : instance
      const before = busy.instructions.length
      await codeAction('"free"')
      await waitFor('the free one', () =>
        instance.instructions.length + other.instructions.length === 5 ? true : undefined,
      )
      expect(busy.instructions.length).toBe(before)
      await codeAction('"busy too"', ['include_busy', 1])
      await waitFor('the busy one too', () =>
        busy.instructions.length === before + 1 ? true : undefined,
      )
    } finally {
      await other.client.close()
    }
  })

  it('refuses speak plainly until speech is configured', async () => {
    await remoteAction([
      'password',
      'test-password',
      'action',
      'speak',
      'cmd',
      'hello',
      'protocol_version',
      '0.1',
    ])
    const refusal = await waitFor('the refusal', () => logs('speech not configured')[0])
    expect(refusal.level).toBe(40)
  })

  it('rejects bad input with one ERROR line naming sender and reason, and keeps serving', async () => {
    const from = `127.0.0.1:${sender.port}`
    await sender.send(fixture.oscPort, '/beacon', ['name', 'odd', 'lang_port'])
    await sender.send(fixture.oscPort, '/beacon', ['name', 'noport'])
    await sender.send(fixture.oscPort, '/no/such/route', [])
    await sender.sendRaw(fixture.oscPort, Buffer.from('definitely not OSC'))
    await remoteAction([
      'password',
      'test-password',
      'action',
      'code',
      'cmd',
      '1',
      'protocol_version',
      '9.9',
    ])
    await remoteAction([
      'password',
      'test-password',
      'action',
      'format',
      'cmd',
      '1',
      'protocol_version',
      '0.1',
    ])
    await remoteAction(remoteActionArgs({ password: 'hunter2' }))
    await waitFor('seven rejections', () => (logs(`from ${from}`).length === 7 ? true : undefined))
    const messages = logs(`from ${from}`).map((entry) => entry.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rejected \/beacon .*MalformedOscMessage: .*odd number of arguments/),
        expect.stringMatching(/rejected \/beacon .*lang_port: missing/),
        expect.stringMatching(/rejected \/no\/such\/route from .*: unknown route$/),
        expect.stringMatching(/rejected packet .*undecodable OSC packet/),
        expect.stringMatching(/unsupported protocol_version/),
        expect.stringMatching(/unknown action/),
        expect.stringMatching(/OscBackendAuthException: wrong password/),
      ]),
    )
    // The server is still up and applies the next valid message.
    await instance.beacon('still-here')
    await pointNamed('still-here')
    // Secrets never reach the log, not even the wrong one.
    const everything = BetterSqlite3(join(fixture.dataDir, 'gencaster.sqlite'), { readonly: true })
    const text = everything
      .prepare('SELECT group_concat(message) FROM stream_log')
      .pluck()
      .get() as string
    everything.close()
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('test-password')
  })

  it('stores /log lines from an instance against its point', async () => {
    await instance.beacon('loud')
    const point = await pointNamed('loud')
    await instance.client.send(fixture.oscPort, '/log', [
      'level',
      'WARNING',
      'message',
      'late node',
      'name',
      'loud',
      'lang_port',
      instance.client.port,
    ])
    const line = await waitFor('the log line', () => logs('late node')[0])
    expect(line).toMatchObject({
      level: 30,
      origin: 'supercollider',
      name: 'loud',
      streamPoint: point.uuid,
    })
  })

  it('assigns streams to listeners and never counts below zero', async () => {
    expect(() => fixture.core.streams.getFreeStream()).toThrow(NoStreamAvailableError)
    await instance.beacon('solo')
    await pointNamed('solo')
    const stream = fixture.core.streams.getFreeStream()
    expect(stream.numListeners).toBe(1)
    expect(() => fixture.core.streams.getFreeStream()).toThrow(NoStreamAvailableError)
    expect(fixture.core.streams.addListener(stream.uuid).numListeners).toBe(2)
    expect(fixture.core.streams.streamsByPoint()).toEqual({
      [stream.streamPoint]: { streams: 1, listeners: 2 },
    })
    fixture.core.streams.removeListener(stream.uuid)
    fixture.core.streams.removeListener(stream.uuid)
    expect(fixture.core.streams.removeListener(stream.uuid).numListeners).toBe(0)
    // A stream nobody listens to any more no longer holds its point.
    expect(fixture.core.streams.streamsByPoint()).toEqual({})
    expect(fixture.core.streams.getFreeStream().streamPoint).toBe(stream.streamPoint)
    expect(fixture.core.streams.disconnectAll()).toBe(1)
    expect(fixture.core.points.listFree()).toHaveLength(1)
  })

  it('stores StreamVariables, unique per stream and key', async () => {
    await instance.beacon('vars')
    await pointNamed('vars')
    const stream = fixture.core.streams.getFreeStream()
    fixture.core.variables.set({ stream: stream.uuid, key: 'gps', value: '1', streamToSc: false })
    const { instruction } = fixture.core.variables.set({
      stream: stream.uuid,
      key: 'gps',
      value: '2',
      streamToSc: true,
    })
    expect(fixture.core.variables.listForStream(stream.uuid).map((v) => [v.key, v.value])).toEqual([
      ['gps', '2'],
    ])
    const wire = await waitFor('the Ndef', () =>
      instance.instructions.find((i) => i.uuid === instruction?.uuid),
    )
    expect(wire.code).toBe('Ndef("gps".asSymbol, 2);')
  })
})

describe('rate limiting of failed passwords over UDP', () => {
  it('logs the first failures one by one, then one summary', async () => {
    const fixture = await startCore()
    const sender = await OscTestClient.open()
    try {
      for (let attempt = 0; attempt < 50; attempt += 1) {
        await sender.send(
          fixture.oscPort,
          '/remote/action',
          remoteActionArgs({ password: `guess-${attempt}` }),
        )
      }
      await waitFor('the guesses to be handled', () =>
        fixture.core.log.query({ text: 'wrong password' }).length === 3 ? true : undefined,
      )
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(fixture.core.log.query({ text: 'wrong password' })).toHaveLength(3)
      // At shutdown the open window is summarized in one line.
      await fixture.core.close()
      const db = BetterSqlite3(join(fixture.dataDir, 'gencaster.sqlite'), { readonly: true })
      const summaries = db
        .prepare("SELECT message FROM stream_log WHERE message LIKE '%further rejected%'")
        .pluck()
        .all()
      db.close()
      expect(summaries).toEqual([
        expect.stringContaining('47 further rejected remote actions from 127.0.0.1'),
      ])
    } finally {
      await sender.close()
      await fixture.close()
    }
  })
})

describe('log retention', () => {
  it('keeps the table near its bound however chatty an instance is', async () => {
    const fixture = await startCore({ logRetentionRows: 200 })
    // Five chatty instances, each within its console line budget (200 per 10 s).
    const chatty = await Promise.all([1, 2, 3, 4, 5].map(() => OscTestClient.open()))
    try {
      for (let line = 0; line < 1000; line += 1) {
        await chatty[Math.floor(line / 200)]!.send(fixture.oscPort, '/log', [
          'level',
          'INFO',
          'message',
          `line ${line}`,
        ])
      }
      await waitFor('the last line', () => fixture.core.log.query({ text: 'line 999' })[0])
      const kept = fixture.core.log.query({ limit: 10_000 })
      expect(kept.length).toBeLessThanOrEqual(220)
      expect(kept.length).toBeGreaterThanOrEqual(200)
      expect(kept[0]?.message).toBe('line 999')
    } finally {
      for (const instance of chatty) await instance.close()
      await fixture.close()
    }
  })
})
