import { requestSchemas } from '../../src-main/contract/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { startBrowserServer, type BrowserServerFixture } from '../support/browser-server-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { fuzzSeed, randomTools, seededRandom } from '../support/seeded-random.js'

const cases = 10_000
const connections = 4
const maxPayload = 2 * 1024 * 1024
const requestNames = Object.keys(requestSchemas)

type Fuzz =
  | {
      readonly kind: 'frame'
      readonly data: string | Buffer
      readonly binary: boolean
      /** The id the answer must carry, when reading it back from the frame would be slow. */
      readonly id?: number | null
    }
  | { readonly kind: 'oversize'; readonly data: string }

/** Builds one odd frame, drawing only from `random`. */
function frameMaker(random: () => number) {
  const { int, pick, bytes, text } = randomTools(random)
  const number = (): number =>
    pick([0, -0, 1, -1, 2 ** 53, 2 ** 53 - 1, 1e308, -1e308, 0.5, int(1000), int(2 ** 31) * 1000])
  const string = (): string =>
    pick([
      () => text(int(20)),
      () => pick(requestNames),
      () => '',
      () => text(int(10_000)),
      () => String.fromCharCode(...Array.from({ length: int(20) }, () => int(0xffff))),
      () => '__proto__',
    ])()
  const value = (depth: number): unknown => {
    const kinds = depth > 4 ? 4 : 6
    switch (int(kinds)) {
      case 0:
        return null
      case 1:
        return random() < 0.5
      case 2:
        return number()
      case 3:
        return string()
      case 4:
        return Array.from({ length: int(5) }, () => value(depth + 1))
      default:
        return Object.fromEntries(
          Array.from({ length: int(5) }, () => [
            pick(['id', 'method', 'params', 'code', 'targets', '__proto__', text(3)]),
            value(depth + 1),
          ]),
        )
    }
  }
  const deep = (depth: number): string =>
    pick([
      () => '['.repeat(depth) + ']'.repeat(depth),
      () => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    ])()
  const frame = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    if (int(8) > 0) out.id = int(4) > 0 ? int(1_000_000) : value(1)
    if (int(8) > 0) out.method = int(4) > 0 ? pick(requestNames) : value(1)
    if (int(4) > 0) out.params = value(1)
    return out
  }
  const text_ = (data: string): Fuzz => ({ kind: 'frame', data, binary: false })
  return (): Fuzz =>
    pick<() => Fuzz>([
      () => text_(JSON.stringify(frame())),
      () => text_(JSON.stringify(frame())),
      () => text_(JSON.stringify(frame())),
      () => text_(JSON.stringify(value(0)) ?? 'undefined'),
      // Nesting deeper than join() and stringify() can follow (10,000 was enough to crash).
      () => {
        const id = int(1000)
        const nested = deep(10_000 + int(5000))
        return pick<Fuzz>([
          { kind: 'frame', data: `{"id":${nested},"method":"snapshot"}`, binary: false, id: null },
          { kind: 'frame', data: `{"id":${id},"method":${nested}}`, binary: false, id },
          {
            kind: 'frame',
            data: `{"id":${id},"method":"sendCode","params":{"code":"1","targets":${nested}}}`,
            binary: false,
            id,
          },
        ])
      },
      () =>
        text_(
          `{"id":${pick(['1e400', '-1', '1.5', '9007199254740993', '"1"', '[1]'])},"method":"snapshot"}`,
        ),
      () => text_(pick(['null', 'true', '0', '""', '[]', '{}', '{ not json', '', ' '])),
      // Text frames that are not UTF-8 (ws is told not to check: the server answers instead).
      () => ({
        kind: 'frame',
        data: Buffer.concat([Buffer.from('{"id":1'), bytes(1 + int(40)), Buffer.from([0xff])]),
        binary: false,
      }),
      () => ({ kind: 'frame', data: bytes(int(200)), binary: true }),
      () =>
        int(200) === 0
          ? { kind: 'oversize', data: 'x'.repeat(maxPayload + 1 + int(1000)) }
          : text_('[]'),
    ])()
}

/** The id an answer must carry: the frame's own when it is one, else null. */
function expectedId(fuzz: Fuzz): number | null {
  if (fuzz.kind !== 'frame' || fuzz.binary) return null
  if (fuzz.id !== undefined) return fuzz.id
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(fuzz.data)))
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null
  const id = (parsed as { id?: unknown }).id
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null
}

/** A socket whose answers (not event batches) are taken one at a time, in order. */
function answers(socket: WebSocket) {
  const waiting: ((frame: Record<string, unknown>) => void)[] = []
  const early: Record<string, unknown>[] = []
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>
    if ('events' in frame) return
    const resolve = waiting.shift()
    if (resolve) resolve(frame)
    else early.push(frame)
  })
  return (): Promise<Record<string, unknown>> => {
    const frame = early.shift()
    return frame ? Promise.resolve(frame) : new Promise((resolve) => waiting.push(resolve))
  }
}

describe('fuzzing browser mode over its WebSocket', () => {
  let site: BrowserServerFixture
  beforeAll(async () => {
    site = await startBrowserServer()
  })
  afterAll(async () => {
    await site.close()
  })

  it(`answers ${cases} odd frames one by one, and keeps the core up`, async () => {
    const random = seededRandom(fuzzSeed('WebSocket'))
    const next = frameMaker(random)
    const plan = Array.from({ length: cases }, next)
    const counts = { answered: 0, ok: 0, oversize: 0 }
    const instance = await OscTestClient.open()

    const run = async (lane: number, slice: Fuzz[]) => {
      let socket = await site.connect()
      let nextAnswer = answers(socket)
      for (const [index, fuzz] of slice.entries()) {
        const what = `lane ${lane} case ${index}: ${String(fuzz.data).slice(0, 200)}`
        if (fuzz.kind === 'oversize') {
          const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)))
          socket.send(fuzz.data)
          expect(await closed, what).toBe(1009)
          counts.oversize += 1
          socket = await site.connect()
          nextAnswer = answers(socket)
          continue
        }
        socket.send(fuzz.data, { binary: fuzz.binary })
        const answer = await nextAnswer()
        counts.answered += 1
        expect(answer.id, what).toBe(expectedId(fuzz))
        expect(typeof answer.ok, what).toBe('boolean')
        if (answer.ok) counts.ok += 1
        else expect(typeof answer.error, what).toBe('string')
      }
      // Still served after the whole lane.
      socket.send(JSON.stringify({ id: 1, method: 'snapshot', params: {} }))
      expect(await nextAnswer()).toMatchObject({ id: 1, ok: true })
      socket.close()
    }

    try {
      for (let batch = 0; batch < cases; batch += 1000) {
        const slice = plan.slice(batch, batch + 1000)
        const lanes = Array.from({ length: connections }, (_, lane) =>
          slice.filter((_, index) => index % connections === lane),
        )
        await Promise.all(lanes.map((lane, n) => run(n, lane)))
        await site.stillServing(`after-batch-${batch}`, instance)
      }
    } finally {
      await instance.close()
    }
    console.log('WebSocket fuzz', counts)
    expect(counts.answered + counts.oversize).toBe(cases)
  }, 120_000)
})
