import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * Each probe breaks one ban of eslint.config.js from inside the folder the ban covers; the
 * probes are written into the real tree (lint resolves imports and types as for any file),
 * linted with the project's own config, and removed again.
 */
const root = resolve(import.meta.dirname, '../../..')
const tag = `lint-probe-${process.pid}`

interface Probe {
  readonly name: string
  /** Path from the repository root; `{tag}` keeps it apart from real files. */
  readonly file: string
  readonly source: string
  /** The rule that must fire and a part of its message; none for a probe that is allowed. */
  readonly expected?: { readonly rule: string; readonly message: string }
}

const builtin = (layer: string, file: string, module: string): Probe => ({
  name: `${layer} importing ${module}`,
  file,
  source: `import * as probe from '${module}'\nexport const used = probe\n`,
  expected: {
    rule: '@typescript-eslint/no-restricted-imports',
    message:
      layer === 'renderer'
        ? 'The renderer also runs in a plain browser: no Node built-ins'
        : layer === 'preload'
          ? 'The preload runs sandboxed: no Node built-ins'
          : 'The contract imports no Node built-ins',
  },
})

const zone = (message: string) => ({ rule: 'import-x/no-restricted-paths', message })

const probes: readonly Probe[] = [
  builtin('preload', `src-preload/${tag}-fs.ts`, 'node:fs'),
  {
    name: 'preload importing a core internal',
    file: `src-preload/${tag}-core.ts`,
    source: `import { toIso } from '../src-main/core/time/clock.js'\nexport const used = toIso\n`,
    expected: zone('The page reaches the core only through the contract'),
  },
  {
    name: 'preload using the Node global process',
    file: `src-preload/${tag}-process.ts`,
    source: `export const pid: number = process.pid\n`,
    expected: { rule: 'no-restricted-globals', message: "Unexpected use of 'process'" },
  },
  {
    name: 'core importing headless',
    file: `src-main/core/${tag}-headless.ts`,
    source: `import { SessionToken } from '../headless/session-token.js'\nexport const used = SessionToken\n`,
    expected: zone('src-main/core runs under plain Node'),
  },
  {
    name: 'renderer importing src-main/shell',
    file: `src-renderer/${tag}-shell.ts`,
    source: `import { isTrustedSender } from '../src-main/shell/ipc-sender-check'\nexport const used = isTrustedSender\n`,
    expected: zone('The page reaches the core only through the contract'),
  },
  {
    name: 'renderer importing src-main/headless',
    file: `src-renderer/${tag}-headless.ts`,
    source: `import { SessionToken } from '../src-main/headless/session-token'\nexport const used = SessionToken\n`,
    expected: zone('The page reaches the core only through the contract'),
  },
  ...['url', 'util', 'events', 'stream', 'buffer'].map((module) =>
    builtin('renderer', `src-renderer/${tag}-${module}.ts`, module),
  ),
  {
    name: 'renderer importing a type from better-sqlite3',
    file: `src-renderer/${tag}-sqlite.ts`,
    source: `import type { Database } from 'better-sqlite3'\nexport const none: Database | undefined = undefined\n`,
    expected: {
      rule: '@typescript-eslint/no-restricted-imports',
      message: 'The renderer also runs in a plain browser: no Node-only packages',
    },
  },
  {
    name: 'renderer using the Node global process',
    file: `src-renderer/${tag}-process.ts`,
    source: `export const pid: number = process.pid\n`,
    expected: { rule: 'no-restricted-globals', message: "Unexpected use of 'process'" },
  },
  {
    name: 'renderer using the Node global Buffer',
    file: `src-renderer/${tag}-buffer-global.ts`,
    source: `export const bytes = Buffer.from('x')\n`,
    expected: { rule: 'no-restricted-globals', message: "Unexpected use of 'Buffer'" },
  },
  builtin('contract', `src-main/contract/${tag}-fs.ts`, 'node:fs'),
  {
    name: 'contract importing a value from core',
    file: `src-main/contract/${tag}-value.ts`,
    source: `import { toIso } from '../core/time/clock.js'\nexport const used = toIso\n`,
    expected: zone('The contract is self-contained'),
  },
  {
    name: 'contract importing a type from core',
    file: `src-main/contract/${tag}-type.ts`,
    source: `import type { NewLogEntry } from '../core/logs/new-log-entry.js'\nexport type Entry = NewLogEntry\n`,
    expected: zone('The contract is self-contained'),
  },
  {
    name: 'contract importing a package other than zod',
    file: `src-main/contract/${tag}-package.ts`,
    source: `import { create } from 'zustand'\nexport const used = create\n`,
    expected: {
      rule: '@typescript-eslint/no-restricted-imports',
      message: 'The contract imports no package but zod',
    },
  },
  {
    name: 'contract using the Node global process',
    file: `src-main/contract/${tag}-process.ts`,
    source: `export const pid: number = process.pid\n`,
    expected: { rule: 'no-restricted-globals', message: "Unexpected use of 'process'" },
  },
  {
    name: 'common importing a core file',
    file: `src-main/common/${tag}-core.ts`,
    source: `import { toIso } from '../core/time/clock.js'\nexport const used = toIso\n`,
    expected: zone('src-main/common runs anywhere'),
  },
  {
    name: 'common importing a Node built-in',
    file: `src-main/common/${tag}-fs.ts`,
    source: `import * as probe from 'node:fs'\nexport const used = probe\n`,
    expected: {
      rule: '@typescript-eslint/no-restricted-imports',
      message: 'src-main/common imports no Node built-ins',
    },
  },
  {
    name: 'common using the Node global process',
    file: `src-main/common/${tag}-process.ts`,
    source: `export const pid: number = process.pid\n`,
    expected: { rule: 'no-restricted-globals', message: "Unexpected use of 'process'" },
  },
  {
    name: 'renderer importing a core domain file',
    file: `src-renderer/${tag}-core-type.ts`,
    source: `import type { StreamInstruction } from '../src-main/core/instructions/stream-instruction'\nexport type Instruction = StreamInstruction\n`,
    expected: zone('The page reaches the core only through the contract'),
  },
  {
    name: 'a floating promise',
    file: `src-main/core/${tag}-floating.ts`,
    source: `async function later(): Promise<number> {\n  return 1\n}\nexport function start(): void {\n  later()\n}\n`,
    expected: {
      rule: '@typescript-eslint/no-floating-promises',
      message: 'Promises must be awaited',
    },
  },
  {
    name: 'a hook called conditionally',
    file: `src-renderer/${tag}-hook.tsx`,
    source: `import { useState } from 'react'\nexport function Probe({ on }: { on: boolean }) {\n  if (!on) return null\n  const [value] = useState(0)\n  return <b>{value}</b>\n}\n`,
    expected: { rule: 'react-hooks/rules-of-hooks', message: 'is called conditionally' },
  },
  {
    name: 'an effect that leaves out what it reads',
    file: `src-renderer/${tag}-effect.tsx`,
    source: `import { useEffect } from 'react'\nexport function Probe({ text }: { text: string }) {\n  useEffect(() => {\n    document.title = text\n  }, [])\n  return null\n}\n`,
    expected: { rule: 'react-hooks/exhaustive-deps', message: "missing dependency: 'text'" },
  },
  {
    name: 'a cycle between two files',
    file: `src-main/core/${tag}-cycle-a.ts`,
    source: `import { b } from './${tag}-cycle-b.js'\nexport const a = (): string => b()\n`,
    expected: { rule: 'import-x/no-cycle', message: 'Dependency cycle detected' },
  },
  {
    name: 'the other end of the cycle',
    file: `src-main/core/${tag}-cycle-b.ts`,
    source: `import { a } from './${tag}-cycle-a.js'\nexport const b = (): string => typeof a\n`,
    expected: { rule: 'import-x/no-cycle', message: 'Dependency cycle detected' },
  },
  {
    name: 'renderer importing the contract (allowed)',
    file: `src-renderer/${tag}-contract.ts`,
    source: `import { logOrigins, type StreamPoint } from '../src-main/contract'\nexport const origins: readonly string[] = logOrigins\nexport type Point = StreamPoint\n`,
  },
  {
    name: 'renderer importing common (allowed)',
    file: `src-renderer/${tag}-common.ts`,
    source: `import { PendingTable } from '../src-main/common/pending-table'\nexport const used = PendingTable\n`,
  },
  {
    name: 'common importing the contract (allowed)',
    file: `src-main/common/${tag}-contract.ts`,
    source: `import { logLevels } from '../contract/index.js'\nexport const levels = logLevels\n`,
  },
  {
    name: 'core importing the contract (allowed)',
    file: `src-main/core/${tag}-contract.ts`,
    source: `import { logLevels } from '../contract/index.js'\nexport const levels = logLevels\n`,
  },
]

const results = new Map<string, ESLint.LintResult>()

beforeAll(async () => {
  try {
    for (const probe of probes) {
      const path = join(root, probe.file)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, probe.source)
    }
    // One instance, one call: the TypeScript projects are loaded once for all probes.
    const eslint = new ESLint({ cwd: root })
    for (const result of await eslint.lintFiles(probes.map((probe) => probe.file))) {
      results.set(result.filePath, result)
    }
  } finally {
    await Promise.all(probes.map((probe) => rm(join(root, probe.file), { force: true })))
  }
}, 120_000)

afterAll(async () => {
  // In case beforeAll was cut short between writing and its finally.
  await Promise.all(probes.map((probe) => rm(join(root, probe.file), { force: true })))
})

describe('lint refuses what crosses a layer', () => {
  it.each(probes.filter((probe) => probe.expected))('$name', (probe) => {
    const messages = results.get(join(root, probe.file))?.messages ?? []
    expect(messages.filter((message) => message.fatal)).toEqual([])
    expect(messages.map(({ ruleId, message }) => ({ ruleId, message }))).toContainEqual({
      ruleId: probe.expected?.rule,
      message: expect.stringContaining(probe.expected?.message ?? ''),
    })
  })

  it.each(probes.filter((probe) => !probe.expected))('$name lints clean', (probe) => {
    const result = results.get(join(root, probe.file))
    expect(result).toBeDefined()
    expect(result?.messages).toEqual([])
  })
})
