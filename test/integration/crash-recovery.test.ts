import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { freeUdpPort, spawnHeadlessServe, type HeadlessServe } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

describe('after kill -9 with instructions in flight', () => {
  const running: HeadlessServe[] = []
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const serve of running.splice(0)) {
      if (serve.process.exitCode === null) serve.process.kill('SIGTERM')
      await serve.exited
    }
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  it('marks the expired ones "no answer" at start and gives the others their deadline back', async () => {
    const dir = makeTempDir('crash')
    cleanups.push(() => dir.remove())
    const file = join(dir.path, 'gencaster.sqlite')
    const port = await freeUdpPort()
    // Two points that beacon and never answer.
    const points = [await BeaconingInstance.open(port), await BeaconingInstance.open(port)]
    const performer = await OscTestClient.open()
    cleanups.push(async () => {
      for (const point of points) await point.close()
      await performer.close()
    })
    const received = () => points.reduce((sum, point) => sum + point.instructions.length, 0)

    const rows = (where: string): { uuid: string; no_answer_date: string | null }[] => {
      const reader = new BetterSqlite3(file, { readonly: true })
      try {
        return reader
          .prepare(`SELECT uuid, no_answer_date FROM stream_instruction WHERE ${where}`)
          .all() as { uuid: string; no_answer_date: string | null }[]
      } finally {
        reader.close()
      }
    }
    const pointCount = (): number => {
      const reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
      try {
        return (reader.prepare('SELECT COUNT(*) AS n FROM stream_point').get() as { n: number }).n
      } finally {
        reader.close()
      }
    }
    const serve = async (answerTimeout: number): Promise<HeadlessServe> => {
      const started = spawnHeadlessServe([
        ...['--osc-host', '127.0.0.1', '--osc-port', String(port), '--data-dir', dir.path],
        ...['--password', 'pw', '--answer-timeout', String(answerTimeout)],
      ])
      running.push(started)
      await started.until('OSC on udp://')
      return started
    }
    /** Sends `times` remote actions to every free point, waits until they arrive, kill -9. */
    const sendThenKill = async (code: string, times: number): Promise<string[]> => {
      for (const [n, point] of points.entries()) await point.beacon(`never-answers-${n}`)
      await waitFor('both points stored', () => (pointCount() === 2 ? true : undefined))
      const before = received()
      for (let n = 0; n < times; n += 1)
        await performer.send(
          port,
          '/remote/action',
          remoteActionArgs({ password: 'pw', cmd: code }),
        )
      await waitFor('the instructions on the wire', () =>
        received() >= before + times * points.length ? true : undefined,
      )
      process.kill(running.at(-1)!.corePid(), 'SIGKILL')
      await running.at(-1)!.exited
      return points.flatMap((point) => point.instructions.slice(-times).map((i) => i.uuid))
    }

    // A run whose instructions expire (2 s) while no core is running.
    await serve(2)
    const expired = await sendThenKill('"first"', 3)
    expect(expired).toHaveLength(6)
    expect(rows('no_answer_date IS NULL')).toHaveLength(6)
    await sleep(2500)

    // The next run marks them at start, then sends instructions with 8 s and is killed too.
    const second = await serve(8)
    await second.until('6 instructions had no answer when Gencaster stopped')
    const ahead = await sendThenKill('"second"', 2)
    const marked = rows('no_answer_date IS NOT NULL').map((row) => row.uuid)
    expect(marked.sort()).toEqual([...expired].sort())
    expect(
      rows('no_answer_date IS NULL')
        .map((row) => row.uuid)
        .sort(),
    ).toEqual([...ahead].sort())

    // A third run waits for the rest of their deadline, then marks them.
    await serve(8)
    const stillWaiting = rows('no_answer_date IS NULL').length
    await waitFor(
      'the remaining deadlines to pass',
      () => (rows('no_answer_date IS NULL').length === 0 ? true : undefined),
      15_000,
      200,
    )
    // They were still waiting when the third run started (their deadline was ahead).
    expect(stillWaiting).toBe(4)
  }, 60_000)
})
