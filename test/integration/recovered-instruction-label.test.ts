import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { BeaconingInstance } from '../support/beaconing-instance.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { freeUdpPort, spawnHeadlessServe } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

describe('an instruction recovered at start', () => {
  it('names its point by sc_name (host:port) in the "no answer" line, as the live path does', async () => {
    const dir = makeTempDir('recovered-label')
    const port = await freeUdpPort()
    // An instance that beacons and never answers, and a performer that sends it code.
    const instance = await BeaconingInstance.open(port)
    const performer = await OscTestClient.open()
    const pointCount = (): number => {
      const reader = new BetterSqlite3(join(dir.path, 'gencaster.sqlite'), { readonly: true })
      try {
        return (reader.prepare('SELECT COUNT(*) AS n FROM stream_point').get() as { n: number }).n
      } finally {
        reader.close()
      }
    }
    try {
      const first = spawnHeadlessServe([
        ...['--osc-host', '127.0.0.1', '--osc-port', String(port), '--data-dir', dir.path],
        ...['--password', 'pw', '--answer-timeout', '5'],
      ])
      await first.until('OSC on udp://')
      await instance.beacon('sc-7')
      await waitFor('the point stored', () => (pointCount() === 1 ? true : undefined))
      await performer.send(
        port,
        '/remote/action',
        remoteActionArgs({ password: 'pw', cmd: '1 + 1' }),
      )
      const sent = await waitFor('the instruction on the wire', () => instance.instructions[0])
      // Killed well before the deadline, as a crash does (a clean close marks it at once): the
      // instruction is left unfinished, and the next start takes it up with the rest of its
      // deadline.
      process.kill(first.corePid(), 'SIGKILL')
      await first.exited
      const settings = settingsSchema.parse({
        oscHost: '127.0.0.1',
        oscPort: 0,
        dataDir: dir.path,
        password: 'pw',
        answerTimeoutSeconds: 5,
      })
      const second = await GencasterCore.start({ settings })
      try {
        const line = await waitFor(
          'the no answer line',
          () => second.log.query({ text: 'no answer from' })[0],
          15_000,
        )
        expect(line.message).toMatch(
          new RegExp(
            `^no answer from sc-7 \\(127\\.0\\.0\\.1:${instance.client.port}\\) for instruction ${sent.uuid} `,
          ),
        )
      } finally {
        await second.close()
      }
    } finally {
      await performer.close()
      await instance.close()
      dir.remove()
    }
  }, 30_000)
})
