/**
 * OSC ingest: beacons and acknowledgements applied to the database per second by the core,
 * against a bare UDP receive loop fed by the same load generator in the same run; then a paced
 * 10,000 messages per second run that must lose nothing.
 */
import { spawn } from 'node:child_process'
import { createSocket, type Socket } from 'node:dgram'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { GencasterCore } from '../src-main/core/gencaster-core.js'
import { startCore } from '../test/support/core-fixture.js'
import { OscTestClient } from '../test/support/osc-test-client.js'
import { waitFor } from '../test/support/wait-for.js'
import { formatRate } from './stats.js'

const root = resolve(import.meta.dirname, '..')

function generate(
  port: number,
  count: number,
  rate: number | 'max',
  uuidsFile?: string,
): Promise<{ sent: number; seconds: number }> {
  const args = [
    'bench/udp-load-generator.ts',
    '--port',
    String(port),
    '--count',
    String(count),
    '--rate',
    String(rate),
  ]
  if (uuidsFile) args.push('--uuids', uuidsFile)
  const child = spawn(join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0
        ? done(JSON.parse(output) as { sent: number; seconds: number })
        : fail(new Error(`generator exited ${code}`)),
    ),
  )
}

/** Counts what arrives and when the first and last arrived. */
class ArrivalCounter {
  count = 0
  first = 0
  last = 0
  hit(): void {
    const now = performance.now()
    if (this.count === 0) this.first = now
    this.last = now
    this.count += 1
  }
  rate(): number {
    return this.count / ((this.last - this.first) / 1000)
  }
}

async function settle(counter: ArrivalCounter): Promise<void> {
  // Done when nothing more has arrived for 300 ms.
  let seen = -1
  while (seen !== counter.count) {
    seen = counter.count
    await new Promise((done) => setTimeout(done, 300))
  }
}

async function bareReceiveRate(count: number): Promise<{ rate: number; received: number }> {
  const socket: Socket = createSocket('udp4')
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', () => done()))
  socket.setRecvBufferSize(8 * 1024 * 1024)
  const counter = new ArrivalCounter()
  socket.on('message', () => counter.hit())
  await generate(socket.address().port, count, 'max')
  await settle(counter)
  socket.close()
  return { rate: counter.rate(), received: counter.count }
}

async function withCore<T>(
  run: (core: GencasterCore, sinkPoint: string) => Promise<T>,
): Promise<T> {
  // The app's own presence pace, not the tests' quicker one.
  const fixture = await startCore({ password: 'bench', answerTimeoutSeconds: 3600 }, {})
  const { core } = fixture
  // Instructions go to a socket that drops them: only the acknowledgements matter here.
  const sink = await OscTestClient.open()
  try {
    await sink.send(fixture.oscPort, '/beacon', ['name', 'sink', 'lang_port', sink.port])
    const point = await waitFor('the sink point', () =>
      core.points.list().find((p) => p.scName === 'sink'),
    )
    return await run(core, point.uuid)
  } finally {
    await sink.close()
    await fixture.close()
  }
}

async function coreIngest(
  core: GencasterCore,
  sinkPoint: string,
  count: number,
  rate: number | 'max',
) {
  const point = core.points.get(sinkPoint)!
  const uuids = Array.from(
    { length: Math.floor(count / 2) },
    (_, n) => core.tracker.send(point, String(n)).uuid,
  )
  // Let the instructions' own datagrams leave before measuring, so they do not compete.
  await new Promise((done) => setTimeout(done, 500))
  const file = join(core.settings.dataDir, `uuids-${count}-${rate}.json`)
  writeFileSync(file, JSON.stringify(uuids))
  const counter = new ArrivalCounter()
  const beacons = core.events.on('point-changed', () => counter.hit())
  const acks = core.events.on('instruction-changed', (instruction) => {
    if (instruction.state === 'FINISHED') counter.hit()
  })
  const { sent, seconds } = await generate(core.oscAddress.port, count, rate, file)
  await settle(counter)
  beacons()
  acks()
  return { sent, applied: counter.count, rate: counter.rate(), sendSeconds: seconds }
}

export interface IngestFigures {
  bareRate: number
  coreRate: number
  ratio: number
  saturatedLoss: number
  pacedSent: number
  pacedApplied: number
  pacedRate: number
}

function median<T>(runs: T[], by: (run: T) => number): T {
  return [...runs].sort((a, b) => by(a) - by(b))[Math.floor(runs.length / 2)]!
}

export async function benchOscIngest(count = 100_000, trials = 3): Promise<IngestFigures> {
  // Two cores carry the generator and the receiver: single runs swing by a fifth, so each side
  // is the median of a few alternating trials.
  const bareRuns: { rate: number; received: number }[] = []
  const coreRuns: { sent: number; applied: number; rate: number }[] = []
  for (let trial = 0; trial < trials; trial += 1) {
    bareRuns.push(await bareReceiveRate(count))
    coreRuns.push(await withCore((core, sink) => coreIngest(core, sink, count, 'max')))
  }
  const bare = median(bareRuns, (run) => run.rate)
  const saturated = median(coreRuns, (run) => run.rate)
  const paced = await withCore((core, sink) => coreIngest(core, sink, 50_000, 10_000))
  const figures = {
    bareRate: bare.rate,
    coreRate: saturated.rate,
    ratio: saturated.rate / bare.rate,
    saturatedLoss: 1 - saturated.applied / saturated.sent,
    pacedSent: paced.sent,
    pacedApplied: paced.applied,
    pacedRate: paced.sent / paced.sendSeconds,
  }
  console.log(
    `OSC ingest (beacons + FINISHED acknowledgements, 127.0.0.1, generator in its own process, median of ${trials})`,
  )
  console.log(
    `  bare UDP receive loop:      ${formatRate(figures.bareRate)} (${bare.received} of ${count} received)`,
  )
  console.log(
    `  core, applied to SQLite:    ${formatRate(figures.coreRate)} (${saturated.applied} of ${saturated.sent} applied under saturation)`,
  )
  console.log(`  ratio core / bare:          ${figures.ratio.toFixed(2)} (target >= 0.50)`)
  console.log(
    `  paced at ${formatRate(figures.pacedRate)}:       ${figures.pacedApplied} of ${figures.pacedSent} applied, lost ${figures.pacedSent - figures.pacedApplied} (target 0)`,
  )
  return figures
}
