import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSettings, SettingsError } from '../../../src-main/core/config/load-settings.js'
import { makeTempDir } from '../../support/temp-dir.js'

describe('loadSettings', () => {
  let dir: ReturnType<typeof makeTempDir>
  beforeEach(() => (dir = makeTempDir('settings')))
  afterEach(() => dir.remove())

  it("uses the original's defaults", () => {
    const { settings } = loadSettings({ argv: ['--data-dir', dir.path], env: {} })
    expect(settings).toMatchObject({
      oscHost: '0.0.0.0',
      oscPort: 7000,
      onlineWindowSeconds: 60,
      dataDir: dir.path,
    })
    expect(settings.password).toBeUndefined()
  })

  it('reads the settings file, then the environment, then flags, each overriding the one before', () => {
    writeFileSync(
      join(dir.path, 'settings.json'),
      JSON.stringify({ oscPort: 7100, oscHost: '127.0.0.1', onlineWindowSeconds: 30 }),
    )
    const env = {
      GENCASTER_DATA_DIR: dir.path,
      BACKEND_OSC_PORT: '7200',
      BACKEND_OSC_PASSWORD: 'from-env',
    }
    expect(loadSettings({ argv: [], env }).settings).toMatchObject({
      oscPort: 7200,
      oscHost: '127.0.0.1',
      onlineWindowSeconds: 30,
      password: 'from-env',
    })
    expect(
      loadSettings({ argv: ['--osc-port', '7300', '--password', 'flag'], env }).settings,
    ).toMatchObject({
      oscPort: 7300,
      password: 'flag',
    })
  })

  it('names every bad setting and where it came from, never the password', () => {
    const file = join(dir.path, 'custom.json')
    writeFileSync(
      file,
      JSON.stringify({
        oscPort: 99999,
        colour: 'red',
        password: 'hunter2',
        onlineWindowSeconds: -1,
      }),
    )
    let message = ''
    try {
      loadSettings({ argv: ['--settings', file, '--data-dir', dir.path], env: {} })
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError)
      message = (error as Error).message
    }
    expect(message).toContain(file)
    expect(message).toContain('oscPort')
    expect(message).toContain('onlineWindowSeconds')
    expect(message).toContain('colour')
    expect(message).not.toContain('hunter2')
  })

  it('refuses a bad value in a layer even when a higher layer overrides it, naming the layer', () => {
    const file = join(dir.path, 'settings.json')
    writeFileSync(file, JSON.stringify({ oscPort: 99999 }))
    expect(() =>
      loadSettings({ argv: ['--data-dir', dir.path, '--osc-port', '17320'], env: {} }),
    ).toThrow(`bad settings in the settings file ${file}: oscPort: `)
    writeFileSync(file, JSON.stringify({ oscPort: 7100 }))
    expect(() =>
      loadSettings({
        argv: ['--data-dir', dir.path, '--osc-port', '17320'],
        env: { BACKEND_OSC_PORT: '70000' },
      }),
    ).toThrow('bad settings in the environment: BACKEND_OSC_PORT (oscPort): ')
    expect(() =>
      loadSettings({
        argv: ['--data-dir', dir.path, '--osc-port=-1', '--answer-timeout', '0'],
        env: {},
      }),
    ).toThrow(
      /^bad settings in the flags: --osc-port \(oscPort\): .*; --answer-timeout \(answerTimeoutSeconds\): /,
    )
    // All layers good: the flag wins.
    expect(
      loadSettings({ argv: ['--data-dir', dir.path, '--osc-port', '17320'], env: {} }).settings
        .oscPort,
    ).toBe(17320)
  })

  it('refuses a non-numeric port, an unknown flag and a broken file', () => {
    expect(() => loadSettings({ argv: ['--osc-port', 'seven'], env: {} })).toThrow(
      'flag --osc-port: expected a number',
    )
    expect(() => loadSettings({ argv: ['--ocs-port', '1'], env: {} })).toThrow(SettingsError)
    const file = join(dir.path, 'broken.json')
    writeFileSync(file, '{ nope')
    expect(() => loadSettings({ argv: ['--settings', file], env: {} })).toThrow(/not valid JSON/)
    expect(() =>
      loadSettings({ argv: ['--settings', join(dir.path, 'missing.json')], env: {} }),
    ).toThrow(/cannot read/)
  })

  it('passes a shell its own flags', () => {
    const loaded = loadSettings({
      argv: ['--data-dir', dir.path, '--http-port', '8080'],
      env: {},
      extraFlags: { 'http-port': { type: 'string' } },
    })
    expect(loaded.extra['http-port']).toBe('8080')
  })

  it('takes the password or a password file from the highest layer that names one', () => {
    const env = { GENCASTER_DATA_DIR: dir.path }
    expect(loadSettings({ argv: [], env })).toMatchObject({ passwordSource: undefined })
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ password: 'in-file' }))
    expect(loadSettings({ argv: [], env })).toMatchObject({
      settings: { password: 'in-file' },
      passwordSource: 'settings file',
    })
    const fromEnv = loadSettings({ argv: [], env: { ...env, GENCASTER_PASSWORD_FILE: '/p' } })
    expect(fromEnv.passwordSource).toBe('password file')
    expect(fromEnv.settings.passwordFile).toBe('/p')
    // The settings file's password does not linger beside the environment's file.
    expect(fromEnv.settings.password).toBeUndefined()
    const fromFlag = loadSettings({
      argv: ['--password', 'flag'],
      env: { ...env, GENCASTER_PASSWORD_FILE: '/p' },
    })
    expect(fromFlag).toMatchObject({ settings: { password: 'flag' }, passwordSource: 'flag' })
    expect(fromFlag.settings.passwordFile).toBeUndefined()
    expect(
      loadSettings({ argv: [], env: { ...env, BACKEND_OSC_PASSWORD: 'e' } }).passwordSource,
    ).toBe('environment')
    expect(loadSettings({ argv: ['--password-file', '/q'], env }).settings.passwordFile).toBe('/q')
    expect(() => loadSettings({ argv: ['--password', 'x', '--password-file', '/q'], env })).toThrow(
      'flag: give a password or a password file, not both',
    )
  })

  it('reads the log bound in bytes', () => {
    const args = ['--data-dir', dir.path]
    expect(loadSettings({ argv: args, env: {} }).settings.logRetentionBytes).toBe(64 * 1024 * 1024)
    expect(
      loadSettings({ argv: [...args, '--log-retention-bytes', '2000000'], env: {} }).settings
        .logRetentionBytes,
    ).toBe(2_000_000)
    expect(() => loadSettings({ argv: [...args, '--log-retention-bytes', '10'], env: {} })).toThrow(
      /logRetentionBytes/,
    )
  })
})
