import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSettings, SettingsError } from '../../src-main/core/config/load-settings.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { seededRandom } from '../support/seeded-random.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const cases = 10_000
const coreCases = 60

const keys = [
  'oscHost',
  'oscPort',
  'password',
  'dataDir',
  'onlineWindowSeconds',
  'answerTimeoutSeconds',
  'manualFinishTimeoutSeconds',
  'logRetentionRows',
  'nonsense',
]

/** Values a hand-edited settings file or a shell variable may hold. */
function oddValue(random: () => number): unknown {
  const choices: (() => unknown)[] = [
    () => Math.floor(random() * 100_000) - 10,
    () => random() * 10 ** Math.floor(random() * 400 - 50),
    () => -random() * 1e6,
    () => 0,
    () => 1e308,
    () => Number.MAX_SAFE_INTEGER,
    () => 0.0001,
    () => '',
    () => 'x'.repeat(Math.floor(random() * 300)),
    () => String(Math.floor(random() * 70_000)),
    () => null,
    () => true,
    () => [],
    () => ({}),
    () => '\u0000\u001b[2J',
  ]
  return choices[Math.floor(random() * choices.length)]!()
}

function oddFile(random: () => number): string {
  const kind = Math.floor(random() * 5)
  if (kind === 0)
    return Buffer.from(Array.from({ length: 64 }, () => random() * 256)).toString('latin1')
  if (kind === 1) return JSON.stringify(oddValue(random))
  if (kind === 2) return '{"oscPort": 7000,'
  const object: Record<string, unknown> = {}
  for (const key of keys) if (random() < 0.4) object[key] = oddValue(random)
  return JSON.stringify(object)
}

describe(`settings from files, the environment and flags, fuzzed (FUZZ_SEED=${seed})`, () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeAll(() => {
    console.log(`settings fuzz: FUZZ_SEED=${seed}`)
    dir = makeTempDir('settings-fuzz')
  })
  afterAll(() => dir.remove())

  it('either gives usable settings or a SettingsError, and a core that starts on them works', async () => {
    const random = seededRandom(seed)
    const file = join(dir.path, 'settings.json')
    const usable: ReturnType<typeof loadSettings>['settings'][] = []
    for (let index = 0; index < cases; index++) {
      writeFileSync(file, oddFile(random))
      const env: Record<string, string> = {}
      if (random() < 0.3) env.BACKEND_OSC_PORT = String(oddValue(random))
      if (random() < 0.3) env.GENCASTER_OSC_HOST = String(oddValue(random))
      const argv = ['--settings', file, '--data-dir', dir.path]
      if (random() < 0.3) argv.push('--answer-timeout', String(oddValue(random)))
      if (random() < 0.1) argv.push('--no-such-flag')
      try {
        const { settings } = loadSettings({ argv, env })
        if (usable.length < coreCases && settings.oscHost === '127.0.0.1') usable.push(settings)
        else if (usable.length < coreCases) usable.push({ ...settings, oscHost: '127.0.0.1' })
      } catch (error) {
        if (!(error instanceof SettingsError)) {
          throw new Error(`case ${index} (FUZZ_SEED=${seed}): ${String(error)}`)
        }
        expect(error.message.length).toBeLessThan(2000)
      }
    }
    expect(usable.length).toBeGreaterThan(0)
    const osc = await OscTestClient.open()
    for (const settings of usable) {
      const dataDir = makeTempDir('settings-fuzz-core')
      const core = await GencasterCore.start({
        settings: { ...settings, oscPort: 0, dataDir: dataDir.path },
      })
      try {
        await osc.send(core.oscAddress.port, '/beacon', ['name', 'fuzz', 'lang_port', 31_000])
        const point = await waitFor('the beacon', () => core.points.list()[0])
        const dispatcher = core.dispatcher
        const sent = await dispatcher.handle('sendCode', { code: '1', targets: [point.uuid] })
        expect(sent.ok, JSON.stringify(sent)).toBe(true)
        const snapshot = await dispatcher.handle('snapshot', {})
        expect(snapshot.ok, JSON.stringify(snapshot)).toBe(true)
      } finally {
        await core.close()
        dataDir.remove()
      }
    }
    await osc.close()
  }, 120_000)
})
