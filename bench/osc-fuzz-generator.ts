/**
 * A separate process that sends seeded OSC fuzz to a port: mostly garbage (from 8 sender
 * addresses, 127.0.0.1-8), with valid beacons (each naming a new point `fuzz-<n>`) and FINISHED
 * acknowledgements for the uuids in a file mixed in, paced to `--rate` packets a second.
 * Every `--checkpoint` packets it beacons `checkpoint-<k>`, prints that name and waits for a
 * line on stdin: the caller answers once the core has applied it, so the core's backlog stays
 * within what the kernel's receive buffer holds and no datagram is lost before the app sees it.
 * Prints, last, one JSON line: { sent, garbage, beacons, acks, seconds }.
 */
import { createSocket, type Socket } from 'node:dgram'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { encodeOscMessage, type OutgoingOscArgument } from '../src-main/core/osc/osc-codec.js'
import { encodeOscBundle } from '../test/support/osc-bundle.js'
import { seededRandom } from '../test/support/seeded-random.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    count: { type: 'string' },
    rate: { type: 'string', default: '10000' },
    checkpoint: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    uuids: { type: 'string' },
  },
})
const port = Number(values.port)
const count = Number(values.count)
const rate = Number(values.rate)
const checkpointEvery = Number(values.checkpoint)
const random = seededRandom(Number(values.seed))
const uuids = values.uuids ? (JSON.parse(readFileSync(values.uuids, 'utf8')) as string[]) : []

const s = (value: string): OutgoingOscArgument => ({ type: 's', value })
const i = (value: number): OutgoingOscArgument => ({ type: 'i', value })
const pick = (n: number): number => Math.floor(random() * n)
const word = (): string => pick(36 ** 6).toString(36)

/** Each makes one datagram the core must reject (a bundle: every message in it). */
const garbage: (() => Uint8Array)[] = [
  () => {
    const out = Uint8Array.from({ length: 1 + pick(300) }, () => pick(256))
    out[0] = pick(0x23) // never '/' or '#': not by chance a message or a bundle
    return out
  },
  () => new Uint8Array(0),
  () => encodeOscMessage('/beacon', [s('name'), s(word()), s('lang_port')]),
  () => encodeOscMessage('/beacon', [s('name'), s(word()), s('lang_port'), s('not-a-port')]),
  () => encodeOscMessage(`/${word()}`, [s('a'), i(1)]),
  () => encodeOscMessage(`/${'A'.repeat(8000 + pick(50_000))}`, []),
  () => encodeOscMessage('/log', [s('level'), s('SHOUT'), s('message'), s('\x1b[2J')]),
  () =>
    encodeOscMessage('/remote/action', [
      s('password'),
      s(word()),
      s('action'),
      s('code'),
      s('cmd'),
      s('1'),
      s('protocol_version'),
      s('0.1'),
    ]),
  () => encodeOscMessage('/beacon', [s('name'), s('cut'), s('lang_port'), i(1)]).slice(0, 20),
  () => encodeOscBundle(Array.from({ length: 500 }, () => encodeOscMessage('/x', []))),
]

// A pool of each kind, made before the run: making 65 KB datagrams on the fly would hold the
// generator below its pace.
const pool = garbage.map((make) => Array.from({ length: 32 }, make))

const beacon = (n: number): Uint8Array =>
  encodeOscMessage('/beacon', [
    s('name'),
    s(`fuzz-${n}`),
    s('lang_port'),
    i(20_000 + n),
    s('use_input'),
    i(n % 2),
  ])
const ack = (uuid: string, n: number): Uint8Array =>
  encodeOscMessage('/acknowledge', [
    s('uuid'),
    s(uuid),
    s('status'),
    s('FINISHED'),
    s('return_value'),
    s(`answer ${n}`),
  ])

const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]()

async function checkpoint(k: number): Promise<void> {
  const name = `checkpoint-${k}`
  const message = encodeOscMessage('/beacon', [s('name'), s(name), s('lang_port'), i(2)])
  await new Promise((done) => valid.send(message, port, '127.0.0.1', done))
  process.stdout.write(`${name}\n`)
  await stdinLines.next()
}

async function open(host: string): Promise<Socket> {
  const socket = createSocket('udp4')
  await new Promise<void>((done) => socket.bind(0, host, () => done()))
  return socket
}

const valid = await open('127.0.0.1')
const senders = [
  valid,
  ...(await Promise.all([2, 3, 4, 5, 6, 7, 8].map((n) => open(`127.0.0.${n}`)))),
]
// Valid traffic: 10 % beacons and the acknowledgements, spread evenly through the garbage.
const beacons = Math.floor(count / 10)
const acks = Math.min(uuids.length, Math.floor(count / 20))
const plan: ('garbage' | 'beacon' | 'ack')[] = [
  ...Array<'beacon'>(beacons).fill('beacon'),
  ...Array<'ack'>(acks).fill('ack'),
  ...Array<'garbage'>(count - beacons - acks).fill('garbage'),
]
for (let index = plan.length - 1; index > 0; index -= 1) {
  const other = pick(index + 1)
  ;[plan[index], plan[other]] = [plan[other]!, plan[index]!]
}

const started = performance.now()
let inFlight = 0
let beaconsSent = 0
let acksSent = 0
let garbageSent = 0
for (const [index, kind] of plan.entries()) {
  let datagram: Uint8Array
  let from = valid
  if (kind === 'beacon') datagram = beacon(beaconsSent++)
  else if (kind === 'ack') datagram = ack(uuids[acksSent]!, acksSent++)
  else {
    const kind = pool[pick(pool.length)]!
    datagram = kind[pick(kind.length)]!
    from = senders[pick(senders.length)]!
    garbageSent += 1
  }
  inFlight += 1
  from.send(datagram, port, '127.0.0.1', () => (inFlight -= 1))
  if (checkpointEvery > 0 && index % checkpointEvery === checkpointEvery - 1) {
    while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve))
    await checkpoint(index)
  }
  if (index % 50 === 49) {
    const due = started + ((index + 1) / rate) * 1000
    while (inFlight > 256 || performance.now() < due)
      await new Promise((resolve) => setImmediate(resolve))
  }
}
while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve))
const seconds = (performance.now() - started) / 1000
process.stdout.write(
  `${JSON.stringify({ sent: plan.length, garbage: garbageSent, beacons: beaconsSent, acks: acksSent, seconds })}\n`,
)
for (const socket of senders) socket.close()
process.stdin.destroy()
