import type { ConfiguredPasswordSource } from '../../contract/index.js'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { defaultDataDir } from './default-data-dir.js'
import { settingsSchema, type Settings } from './settings-schema.js'

/** Settings that cannot be used; the message lists every problem, never a password. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError'
}

/** Command-line flags, each mapped to its setting and parsed as a number where it is one. */
const flagToSetting = {
  'osc-host': ['oscHost', 'text'],
  'osc-port': ['oscPort', 'number'],
  password: ['password', 'text'],
  'password-file': ['passwordFile', 'text'],
  'data-dir': ['dataDir', 'text'],
  'online-window': ['onlineWindowSeconds', 'number'],
  'answer-timeout': ['answerTimeoutSeconds', 'number'],
  'manual-finish-timeout': ['manualFinishTimeoutSeconds', 'number'],
  'log-retention': ['logRetentionRows', 'number'],
  'log-retention-bytes': ['logRetentionBytes', 'number'],
} as const satisfies Record<string, readonly [keyof Settings, 'text' | 'number']>

/** Environment variables: the original's BACKEND_OSC_* and our own GENCASTER_*. */
const envToSetting = {
  BACKEND_OSC_PORT: ['oscPort', 'number'],
  BACKEND_OSC_PASSWORD: ['password', 'text'],
  GENCASTER_OSC_HOST: ['oscHost', 'text'],
  GENCASTER_DATA_DIR: ['dataDir', 'text'],
  GENCASTER_PASSWORD_FILE: ['passwordFile', 'text'],
} as const satisfies Record<string, readonly [keyof Settings, 'text' | 'number']>

export interface LoadSettingsInput {
  readonly argv: readonly string[]
  readonly env: NodeJS.ProcessEnv
  /** Flags a shell adds on top of the core's (e.g. browser mode's --http-port). */
  readonly extraFlags?: Record<string, { type: 'string' | 'boolean' }>
}

export interface LoadedSettings {
  readonly settings: Settings
  /** The extra flags' values, unvalidated: their owner checks them. */
  readonly extra: Record<string, string | boolean | undefined>
  /** The settings file that was read, if any. */
  readonly settingsFile: string | undefined
  /** Where `password` or `passwordFile` came from; undefined when neither is set. */
  readonly passwordSource: ConfiguredPasswordSource | undefined
}

/**
 * Reads settings from, lowest to highest precedence: defaults, the settings file (`--settings`,
 * `GENCASTER_SETTINGS` or `<data dir>/settings.json`), environment variables, flags.
 * @throws SettingsError naming every bad value and where it came from.
 */
export function loadSettings(input: LoadSettingsInput): LoadedSettings {
  const flags = parseFlags(input)
  const fromEnv = collect(envToSetting, (name) => input.env[name], 'environment variable')
  const fromFlags = collect(flagToSetting, (name) => flags[name] as string | undefined, 'flag --')
  const dataDir =
    fromFlags.dataDir ?? fromEnv.dataDir ?? defaultDataDir(process.platform, input.env)
  const settingsFile =
    (flags.settings as string | undefined) ??
    input.env.GENCASTER_SETTINGS ??
    existingFile(join(String(dataDir), 'settings.json'))
  const fromFile = settingsFile === undefined ? {} : readSettingsFile(settingsFile)
  // Each layer on its own first: a bad value in the file is an error even when a flag
  // overrides it, or the file would start failing the day the flag is dropped.
  checkLayers([
    [`settings file ${settingsFile ?? ''}`, fromFile, {}],
    ['environment', fromEnv, envToSetting],
    ['flags', fromFlags, flagToSetting],
  ])
  const passwordSource = choosePassword([
    ['flag', fromFlags],
    ['environment', fromEnv],
    ['settings file', fromFile],
  ])
  const result = settingsSchema.safeParse({ ...fromFile, ...fromEnv, ...fromFlags, dataDir })
  if (!result.success) {
    const problems = describeIssues(result.error.issues)
    throw new SettingsError(
      `bad settings${settingsFile ? ` (file ${settingsFile})` : ''}: ${problems.join('; ')}`,
    )
  }
  const extra: Record<string, string | boolean | undefined> = {}
  for (const name of Object.keys(input.extraFlags ?? {}))
    extra[name] = flags[name] as string | boolean | undefined
  return { settings: result.data, extra, settingsFile, passwordSource }
}

type SettingsTable = Record<string, readonly [keyof Settings, 'text' | 'number']>

const layerSchema = settingsSchema.partial()

/** @throws SettingsError naming each layer with bad values, and each value by its own name. */
function checkLayers(
  layers: readonly (readonly [string, Record<string, unknown>, SettingsTable])[],
): void {
  const problems: string[] = []
  for (const [layer, values, table] of layers) {
    const result = layerSchema.safeParse(values)
    if (result.success) continue
    const sources = (setting: string) =>
      Object.entries(table)
        .filter(([, [name]]) => name === setting)
        .map(([source]) => (table === flagToSetting ? `--${source}` : source))
    const named = describeIssues(result.error.issues, (key) => {
      const from = sources(key)
      return from.length === 0 ? key : `${from.join(' or ')} (${key})`
    })
    problems.push(`${layer}: ${named.join('; ')}`)
  }
  if (problems.length > 0)
    throw new SettingsError(`bad settings in the ${problems.join('; in the ')}`)
}

/** One line per issue, by setting name; values are never repeated (one may be a password). */
function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  name: (key: string) => string = (key) => key,
): string[] {
  return issues.map((issue) => {
    const key =
      issue.path.map(String).join('.') ||
      (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '')
    return `${name(key)}: ${issue.message}`
  })
}

/**
 * The highest layer that names a password (itself or its file) decides; the lower layers'
 * password settings are dropped, so a flag's --password-file beats a settings file's password.
 */
function choosePassword(
  layers: readonly (readonly [ConfiguredPasswordSource, Record<string, unknown>])[],
): ConfiguredPasswordSource | undefined {
  let chosen: ConfiguredPasswordSource | undefined
  for (const [source, values] of layers) {
    const named = values.password !== undefined || values.passwordFile !== undefined
    if (chosen !== undefined) {
      delete values.password
      delete values.passwordFile
    } else if (named) {
      if (values.password !== undefined && values.passwordFile !== undefined)
        throw new SettingsError(`${source}: give a password or a password file, not both`)
      chosen = values.passwordFile === undefined ? source : 'password file'
    }
  }
  return chosen
}

function parseFlags(input: LoadSettingsInput): Record<string, string | boolean | undefined> {
  const options: Record<string, { type: 'string' | 'boolean' }> = { settings: { type: 'string' } }
  for (const name of Object.keys(flagToSetting)) options[name] = { type: 'string' }
  Object.assign(options, input.extraFlags ?? {})
  try {
    return parseArgs({ args: [...input.argv], options, strict: true, allowPositionals: false })
      .values
  } catch (error) {
    throw new SettingsError(error instanceof Error ? error.message : String(error))
  }
}

function collect(
  table: Record<string, readonly [keyof Settings, 'text' | 'number']>,
  read: (name: string) => string | undefined,
  label: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [name, [setting, kind]] of Object.entries(table)) {
    const raw = read(name)
    if (raw === undefined || raw === '') continue
    if (kind === 'number') {
      const parsed = Number(raw)
      if (!Number.isFinite(parsed))
        throw new SettingsError(`${label}${name}: expected a number, got "${raw}"`)
      values[setting] = parsed
    } else {
      values[setting] = raw
    }
  }
  return values
}

function existingFile(path: string): string | undefined {
  return existsSync(path) ? path : undefined
}

function readSettingsFile(path: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new SettingsError(`cannot read settings file ${path}: ${(error as Error).message}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new SettingsError(`settings file ${path} is not valid JSON: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SettingsError(`settings file ${path} must hold one JSON object`)
  }
  return parsed as Record<string, unknown>
}
