/**
 * A large fan-out: 60,000 characters of code to 4,600 points through the contract, as a page
 * sends it. Printed: how long until every point has its instruction, the longest the event loop
 * was held meanwhile (what beacons, answers and pages wait for), and the bytes of wire events.
 * Baseline, same run: the same rows written by bare SQLite in one transaction, the floor of any
 * program that keeps each instruction's code.
 */
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { startCore } from '../test/support/core-fixture.js'
import { OscTestClient } from '../test/support/osc-test-client.js'
import { makeTempDir } from '../test/support/temp-dir.js'
import { waitFor } from '../test/support/wait-for.js'

const pointCount = 4600
const code = 'x'.repeat(60_000)

/** Runs `work` and reports the longest gap between 5 ms ticks of the event loop meanwhile. */
async function withLoopDelay<T>(
  work: () => Promise<T>,
): Promise<{ value: T; maxDelayMs: number; ms: number }> {
  let maxDelayMs = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    maxDelayMs = Math.max(maxDelayMs, now - last - 5)
    last = now
  }, 5)
  const started = performance.now()
  const value = await work()
  const ms = performance.now() - started
  await new Promise((resolve) => setTimeout(resolve, 20))
  clearInterval(ticker)
  return { value, maxDelayMs, ms }
}

function bareSqliteMs(): number {
  const dir = makeTempDir('bench-fan-out')
  const db = new BetterSqlite3(join(dir.path, 'bare.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec('CREATE TABLE instruction (uuid TEXT PRIMARY KEY, point TEXT, code TEXT, state TEXT)')
  const insert = db.prepare("INSERT INTO instruction VALUES (?, ?, ?, 'SENT')")
  const started = performance.now()
  db.transaction(() => {
    for (let index = 0; index < pointCount; index++)
      insert.run(crypto.randomUUID(), String(index), code)
  })()
  const ms = performance.now() - started
  db.close()
  dir.remove()
  return ms
}

export async function benchFanOut(): Promise<void> {
  console.log(`Fan-out: ${code.length} characters to ${pointCount} points`)
  const baselineMs = bareSqliteMs()
  const fixture = await startCore({}, { presenceCheckIntervalMs: 1000 })
  const osc = await OscTestClient.open()
  for (let index = 0; index < pointCount; index++) {
    await osc.send(fixture.oscPort, '/beacon', ['name', `p${index}`, 'lang_port', 20_000 + index])
  }
  await waitFor(
    'points',
    () => (fixture.core.points.list().length === pointCount ? true : undefined),
    30_000,
  )
  const dispatcher = fixture.core.dispatcher
  let eventBytes = 0
  dispatcher.subscribe((_event, payload) => (eventBytes += JSON.stringify(payload).length))
  const targets = fixture.core.points.list().map((point) => point.uuid)
  const run = await withLoopDelay(() => dispatcher.handle('sendCode', { code, targets }))
  const answerBytes = JSON.stringify(run.value).length
  console.log(`  bare SQLite, same rows in one transaction: ${baselineMs.toFixed(0)} ms`)
  console.log(
    `  Gencaster: every point's instruction after ${run.ms.toFixed(0)} ms (ratio ${(run.ms / baselineMs).toFixed(2)}), ` +
      `event loop held at most ${run.maxDelayMs.toFixed(0)} ms, ` +
      `wire events ${(eventBytes / 1e6).toFixed(1)} MB, answer ${(answerBytes / 1e6).toFixed(1)} MB ` +
      `(the code itself: ${((code.length * pointCount) / 1e6).toFixed(0)} MB)`,
  )
  await osc.close()
  await fixture.close()
}
