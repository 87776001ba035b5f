/**
 * Instruction round trip to a real sclang running the Gencaster quark and back: through the
 * core (send -> FINISHED applied) against a bare Node socket doing /instruction ->
 * /acknowledge FINISHED with another instance, alternating, in the same run.
 */
import { createSocket } from 'node:dgram'
import { settingsSchema } from '../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../src-main/core/gencaster-core.js'
import { decodeOscDatagram, encodeOscMessage } from '../src-main/core/osc/osc-codec.js'
import { parseKeyValueList } from '../src-main/core/osc/key-value-list.js'
import { instanceCode, startSclang } from '../test/support/sclang-instance.js'
import { makeTempDir } from '../test/support/temp-dir.js'
import { waitFor } from '../test/support/wait-for.js'
import { formatMs, percentile } from './stats.js'

export interface RoundTripFigures {
  bareP50: number
  bareP99: number
  coreP50: number
  coreP99: number
  overheadP50: number
}

export async function benchInstructionRoundTrip(
  samples = 500,
  warmup = 50,
): Promise<RoundTripFigures> {
  // The bare side: a plain socket that is the instance's backend.
  const bare = createSocket('udp4')
  await new Promise<void>((done) => bare.bind(0, '127.0.0.1', () => done()))
  const waiting = new Map<string, () => void>()
  let bareLangPort = 0
  bare.on('message', (datagram) => {
    for (const message of decodeOscDatagram(datagram)) {
      const fields = parseKeyValueList(message.args)
      if (message.address === '/beacon') bareLangPort = Number(fields.lang_port)
      if (message.address === '/acknowledge' && fields.status === 'FINISHED')
        waiting.get(String(fields.uuid))?.()
    }
  })
  const bareInstance = startSclang(
    instanceCode({ backendPort: bare.address().port, name: 'bare', beaconInterval: 1 }),
  )

  const dir = makeTempDir('bench-rtt')
  const core = await GencasterCore.start({
    settings: settingsSchema.parse({
      oscHost: '127.0.0.1',
      oscPort: 0,
      dataDir: dir.path,
      password: 'bench',
    }),
  })
  const finished = new Map<string, () => void>()
  core.events.on('instruction-changed', (instruction) => {
    if (instruction.state === 'FINISHED') finished.get(instruction.uuid)?.()
  })
  const coreInstance = startSclang(
    instanceCode({ backendPort: core.oscAddress.port, name: 'core', beaconInterval: 1 }),
  )
  try {
    await waitFor('the bare instance', () => (bareLangPort > 0 ? true : undefined), 30_000)
    const point = await waitFor(
      'the core instance',
      () => core.points.list().find((p) => p.scName === 'core'),
      30_000,
    )

    const bareTrip = async (n: number): Promise<number> => {
      const uuid = `bare-${n}`
      const done = new Promise<void>((resolve) => waiting.set(uuid, resolve))
      const started = performance.now()
      bare.send(
        encodeOscMessage('/instruction', [
          { type: 's', value: uuid },
          { type: 's', value: '1+1' },
          { type: 'F' },
        ]),
        bareLangPort,
        '127.0.0.1',
      )
      await done
      waiting.delete(uuid)
      return performance.now() - started
    }
    const coreTrip = async (): Promise<number> => {
      let resolveFinished: () => void = () => {}
      const done = new Promise<void>((resolve) => (resolveFinished = resolve))
      const started = performance.now()
      const sent = core.tracker.send(point, '1+1')
      finished.set(sent.uuid, resolveFinished)
      await done
      finished.delete(sent.uuid)
      return performance.now() - started
    }

    const bareSamples: number[] = []
    const coreSamples: number[] = []
    for (let n = 0; n < warmup + samples; n += 1) {
      // Alternating keeps machine load drift out of the comparison.
      const b = await bareTrip(n)
      const c = await coreTrip()
      if (n >= warmup) {
        bareSamples.push(b)
        coreSamples.push(c)
      }
    }
    const figures = {
      bareP50: percentile(bareSamples, 50),
      bareP99: percentile(bareSamples, 99),
      coreP50: percentile(coreSamples, 50),
      coreP99: percentile(coreSamples, 99),
      overheadP50: percentile(coreSamples, 50) - percentile(bareSamples, 50),
    }
    console.log(
      `Instruction round trip "1+1" to a real sclang and back (${samples} each, alternating)`,
    )
    console.log(
      `  bare Node <-> sclang:       p50 ${formatMs(figures.bareP50)}, p99 ${formatMs(figures.bareP99)}`,
    )
    console.log(
      `  through the core:           p50 ${formatMs(figures.coreP50)}, p99 ${formatMs(figures.coreP99)}`,
    )
    console.log(
      `  core overhead at p50:       ${formatMs(figures.overheadP50)} (target < 0.5 ms); ratio ${(figures.coreP50 / figures.bareP50).toFixed(2)}`,
    )
    return figures
  } finally {
    await bareInstance.stop()
    await coreInstance.stop()
    bare.close()
    await core.close()
    dir.remove()
  }
}
