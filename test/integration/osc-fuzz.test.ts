import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { encodeOscMessage, type OutgoingOscArgument } from '../../src-main/core/osc/osc-codec.js'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { fuzzSeed, randomTools, seededRandom } from '../support/seeded-random.js'
import { waitFor } from '../support/wait-for.js'

const invalidPackets = 10_000
const validBeacons = 1_000
const validAcks = 500

const s = (value: string): OutgoingOscArgument => ({ type: 's', value })
const i = (value: number): OutgoingOscArgument => ({ type: 'i', value })

/** Every generator makes a datagram the core must reject exactly once (one message). */
function invalidGenerators(random: () => number): (() => Uint8Array)[] {
  const bytes = (length: number): Uint8Array => {
    const out = Uint8Array.from({ length }, () => Math.floor(random() * 256))
    // Never a '/' or '#' first: such bytes could by chance be a message or an empty bundle.
    out[0] = Math.floor(random() * 0x23)
    return out
  }
  const text = (): string => randomTools(random).text(Math.floor(random() * 12))
  return [
    () => bytes(1 + Math.floor(random() * 200)),
    () => new Uint8Array(0),
    () => encodeOscMessage('/beacon', [s('name'), s(text()), s('lang_port')]),
    () => encodeOscMessage('/beacon', [s('name'), s(text()), s('lang_port'), s('not-a-port')]),
    () => encodeOscMessage('/beacon', [i(1), s('x')]),
    () => encodeOscMessage(`/${text()}`, [s('a'), i(1)]),
    () => encodeOscMessage('/acknowledge', [s('status'), s('FINISHED')]),
    () => encodeOscMessage('/log', [s('level'), s('SHOUT'), s('message'), s(text())]),
    () =>
      encodeOscMessage('/remote/action', [
        s('password'),
        s('fuzz-password'),
        s('action'),
        s('code'),
        s('cmd'),
        s('1'),
        s('protocol_version'),
        s('0.0'),
      ]),
    () =>
      encodeOscMessage('/remote/action', [
        s('password'),
        s('fuzz-password'),
        s('action'),
        s(text() + '!'),
        s('cmd'),
        s('1'),
        s('protocol_version'),
        s('0.1'),
      ]),
    () => {
      // A valid message cut inside its type tags: its arguments cannot be read.
      const whole = encodeOscMessage('/beacon', [
        s('name'),
        s('cut'),
        s('lang_port'),
        i(1),
        s('use_input'),
        i(1),
      ])
      return whole.slice(0, 20)
    },
  ]
}

describe('fuzzing the OSC server', () => {
  it(`survives ${invalidPackets} malformed packets interleaved with valid traffic`, async () => {
    const random = seededRandom(fuzzSeed('OSC'))
    const fixture = await startCore({ password: 'fuzz-password', answerTimeoutSeconds: 600 })
    const instance = await OscTestClient.open()
    const attacker = await OscTestClient.open()
    const attackerPort = attacker.port
    try {
      await instance.send(fixture.oscPort, '/beacon', [
        'name',
        'target',
        'lang_port',
        instance.port,
      ])
      const target = await waitFor('the target', () => fixture.core.points.list()[0])
      const instructions = Array.from({ length: validAcks }, (_, n) =>
        fixture.core.tracker.send(target, `${n}`),
      )

      type Planned = { valid: boolean; datagram: Uint8Array; from: OscTestClient }
      const generators = invalidGenerators(random)
      const plan: Planned[] = [
        ...Array.from({ length: invalidPackets }, () => ({
          valid: false,
          datagram: generators[Math.floor(random() * generators.length)]!(),
          from: attacker,
        })),
        ...Array.from({ length: validBeacons }, (_, n) => ({
          valid: true,
          datagram: encodeOscMessage('/beacon', [
            s('name'),
            s(`fuzz-${n}`),
            s('lang_port'),
            i(20_000 + n),
            s('use_input'),
            i(n % 2),
          ]),
          from: instance,
        })),
        ...instructions.map((instruction, n) => ({
          valid: true,
          datagram: encodeOscMessage('/acknowledge', [
            s('uuid'),
            s(instruction.uuid),
            s('status'),
            s('FINISHED'),
            s('return_value'),
            s(`answer ${n}`),
          ]),
          from: instance,
        })),
      ]
      for (let index = plan.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1))
        ;[plan[index], plan[other]] = [plan[other]!, plan[index]!]
      }
      // Paced at the 10,000 messages per second: a UDP flood beyond what the socket
      // buffer holds is lost by the kernel before the core ever sees it.
      const started = performance.now()
      for (const [sent, packet] of plan.entries()) {
        await packet.from.sendRaw(fixture.oscPort, packet.datagram)
        if (sent % 100 === 99) {
          const due = started + (sent + 1) / 10
          while (performance.now() < due) await new Promise((resolve) => setImmediate(resolve))
        }
      }

      // Still serving after all of it; arriving last, it also says every packet was handled.
      await instance.send(fixture.oscPort, '/beacon', ['name', 'after', 'lang_port', 1])
      await waitFor(
        'a beacon after the storm',
        () => fixture.core.points.list().find((point) => point.scName === 'after'),
        30_000,
      )

      const points = fixture.core.points.list()
      expect(points).toHaveLength(validBeacons + 2) // and the target, and "after"
      expect(points.filter((point) => point.scName?.startsWith('fuzz-'))).toHaveLength(validBeacons)
      for (const [n, instruction] of instructions.entries()) {
        expect(fixture.core.tracker.get(instruction.uuid)).toMatchObject({
          state: 'FINISHED',
          returnValue: `answer ${n}`,
        })
      }
    } finally {
      await instance.close()
      await attacker.close()
      await fixture.core.close()
    }
    const db = new BetterSqlite3(join(fixture.dataDir, 'gencaster.sqlite'), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    // Every invalid packet is accounted for: a few one by one, the rest in the sender's
    // summary, written when the core closed its window.
    const oneByOne = db
      .prepare('SELECT count(*) FROM stream_log WHERE message LIKE ?')
      .pluck()
      .get(`rejected % from 127.0.0.1:${attackerPort}:%`) as number
    const summary = db
      .prepare("SELECT message FROM stream_log WHERE message LIKE '%further rejected OSC%'")
      .pluck()
      .all() as string[]
    expect(oneByOne).toBeGreaterThan(0)
    expect(oneByOne).toBeLessThanOrEqual(10)
    expect(summary).toHaveLength(1)
    const summarised = Number(/^([\d,]+) further/.exec(summary[0]!)?.[1]?.replaceAll(',', ''))
    expect(oneByOne + summarised).toBe(invalidPackets)
    db.close()
    await fixture.close()
  }, 120_000)
})
