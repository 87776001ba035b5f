/**
 * OSC fuzz (`npm run bench -- fuzz`, not in CI): 100,000 seeded packets from a generator in its
 * own process, mostly garbage from 8 sender addresses with valid beacons and acknowledgements
 * mixed in, to a real core: paced at up to 10,000 a second, and held back every 200 packets
 * until the core has caught up, so that a datagram lost is lost by the app, not the kernel. Prints packets sent, crashes, valid
 * messages lost, UDP datagrams the kernel dropped, and log rows written per rejected packet.
 */
import BetterSqlite3 from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { GencasterCore } from '../src-main/core/gencaster-core.js'
import { startCore } from '../test/support/core-fixture.js'
import { OscTestClient } from '../test/support/osc-test-client.js'
import { waitFor } from '../test/support/wait-for.js'

const root = resolve(import.meta.dirname, '..')

interface Sent {
  sent: number
  garbage: number
  beacons: number
  acks: number
  seconds: number
}

/** Runs the generator; each checkpoint it names is answered once the core has applied it. */
function generate(
  core: GencasterCore,
  count: number,
  seed: number,
  uuidsFile: string,
): Promise<Sent> {
  const args = ['bench/osc-fuzz-generator.ts', '--port', String(core.oscAddress.port)]
  args.push('--count', String(count), '--seed', String(seed), '--uuids', uuidsFile)
  args.push('--checkpoint', '200')
  const child = spawn(join(root, 'node_modules/.bin/tsx'), args, {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let result: Sent | undefined
  // Checkpoints named by the generator and not yet applied: answered on the point's event
  // (polling the list of 10,000 points would itself slow the core down).
  const pending = new Set<string>()
  const applied = new Set<string>()
  const answer = (name: string): void => {
    pending.delete(name)
    applied.delete(name)
    child.stdin.write('go\n')
  }
  const unsubscribe = core.events.on('point-changed', (point) => {
    const name = point.scName ?? ''
    if (!name.startsWith('checkpoint-')) return
    if (pending.has(name)) answer(name)
    else applied.add(name)
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('{')) result = JSON.parse(line) as Sent
    else if (applied.has(line)) answer(line)
    else pending.add(line)
  })
  child.once('exit', unsubscribe)
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0 && result ? done(result) : fail(new Error(`generator exited ${code}`)),
    ),
  )
}

/** UDP datagrams the kernel dropped for full receive buffers, machine-wide (Linux). */
function kernelUdpDrops(): number | undefined {
  try {
    const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n')
    const [names, numbers] = lines.filter((line) => line.startsWith('Udp:'))
    const at = names?.split(/\s+/).indexOf('RcvbufErrors') ?? -1
    return at < 0 ? undefined : Number(numbers?.split(/\s+/)[at])
  } catch {
    return undefined
  }
}

export async function benchOscFuzz(count = 100_000, seed = 1): Promise<void> {
  let crashes = 0
  const onCrash = (): void => {
    crashes += 1
  }
  process.on('uncaughtException', onCrash)
  const fixture = await startCore({ password: 'bench', answerTimeoutSeconds: 3600 }, {})
  const { core } = fixture
  const sink = await OscTestClient.open()
  const started = performance.now()
  try {
    await sink.send(fixture.oscPort, '/beacon', ['name', 'sink', 'lang_port', sink.port])
    const point = await waitFor('the sink point', () =>
      core.points.list().find((p) => p.scName === 'sink'),
    )
    const uuids = Array.from(
      { length: count / 20 },
      (_, n) => core.tracker.send(point, String(n)).uuid,
    )
    const file = join(fixture.dataDir, 'fuzz-uuids.json')
    writeFileSync(file, JSON.stringify(uuids))
    const rowsBefore = core.log.query({ limit: 1_000_000 }).length
    const dropsBefore = kernelUdpDrops()
    const sent = await generate(core, count, seed, file)
    // Still answering, and everything sent before it handled.
    await sink.send(fixture.oscPort, '/beacon', ['name', 'after-fuzz', 'lang_port', 1])
    await waitFor(
      'the core to answer after the fuzz',
      () => core.points.list().find((p) => p.scName === 'after-fuzz'),
      60_000,
    )
    const dropsAfter = kernelUdpDrops()
    const beaconsApplied = core.points.list().filter((p) => p.scName?.startsWith('fuzz-')).length
    const acksApplied = uuids.filter((uuid) => core.tracker.get(uuid)?.state === 'FINISHED').length
    await core.close()
    // The flood summaries are written when the windows end (at close here): count after it.
    const db = new BetterSqlite3(join(fixture.dataDir, 'gencaster.sqlite'), { readonly: true })
    const rowsAfter = db.prepare('SELECT count(*) FROM stream_log').pluck().get() as number
    const rejectionRows = db
      .prepare("SELECT count(*) FROM stream_log WHERE name = 'osc_server'")
      .pluck()
      .get() as number
    db.close()
    const lost = sent.beacons - beaconsApplied + (sent.acks - acksApplied)
    const kernel =
      dropsBefore === undefined || dropsAfter === undefined
        ? 'unknown'
        : String(dropsAfter - dropsBefore)
    console.log(
      `OSC fuzz (seed ${seed}, generator in its own process, ${Math.round(sent.sent / sent.seconds).toLocaleString('en-US')} packets/s)`,
    )
    console.log(
      `  packets sent:                   ${sent.sent.toLocaleString('en-US')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    console.log(
      `  of them garbage:                ${sent.garbage.toLocaleString('en-US')} (from 8 sender addresses)`,
    )
    console.log(`  crashes:                        ${crashes} (target 0)`)
    console.log(
      `  valid messages lost:            ${lost} of ${sent.beacons + sent.acks} (target 0; ${sent.beacons} beacons, ${sent.acks} acknowledgements)`,
    )
    console.log(`  UDP datagrams the kernel dropped: ${kernel} (machine-wide, during the run)`)
    console.log(
      `  log rows written:               ${rowsAfter - rowsBefore} (${rejectionRows} rejections and summaries), ${(rejectionRows / sent.garbage).toFixed(5)} rejection rows per rejected packet`,
    )
  } finally {
    process.off('uncaughtException', onCrash)
    await sink.close()
    await fixture.close()
  }
}
