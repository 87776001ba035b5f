import { settingsSchema, type SettingsInput } from '../../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { makeTempDir } from './temp-dir.js'

export interface CoreFixture {
  readonly core: GencasterCore
  readonly dataDir: string
  readonly oscPort: number
  close(): Promise<void>
}

/**
 * A real core on 127.0.0.1 with a free OSC port and a fresh data directory. Tests check
 * presence every 100 ms so that going offline shows quickly; a benchmark keeps the app's pace.
 */
export async function startCore(
  overrides: Partial<SettingsInput> = {},
  {
    presenceCheckIntervalMs,
    storageRetryMs,
  }: { presenceCheckIntervalMs?: number; storageRetryMs?: number } = {
    presenceCheckIntervalMs: 100,
  },
): Promise<CoreFixture> {
  const dir = makeTempDir('core')
  const settings = settingsSchema.parse({
    oscHost: '127.0.0.1',
    oscPort: 0,
    dataDir: dir.path,
    password: 'test-password',
    ...overrides,
  })
  const core = await GencasterCore.start({
    settings,
    ...(presenceCheckIntervalMs === undefined ? {} : { presenceCheckIntervalMs }),
    ...(storageRetryMs === undefined ? {} : { storageRetryMs }),
  })
  return {
    core,
    dataDir: dir.path,
    oscPort: core.oscAddress.port,
    close: async () => {
      await core.close()
      dir.remove()
    },
  }
}
