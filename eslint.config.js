import { builtinModules } from 'node:module'
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// Layers by runtime (STYLE.md 1): each layer imports only the layers below it.
//   src-main/contract        self-contained: zod and its own files (compiled for Node and the browser)
//   src-main/common          runtime-agnostic code for core and renderer: the contract and itself
//   src-main/core            plain Node: never electron, headless, shell, index.ts, preload, renderer
//   src-main/headless        Node: may import core
//   src-main/shell, index.ts Electron main: may import core and electron
//   src-preload              Electron's sandboxed preload: only electron and the contract
//   src-renderer             a browser tab: only browser packages, the contract and common
// Tests, bench, scripts and config files may import anything.

/** Every Node built-in, bare or `node:`-prefixed, with its subpaths (`fs/promises`). */
const builtinNames = builtinModules.map((name) => name.replace(/[/]/g, '\\/')).join('|')
const nodeBuiltin = `^(node:.*|(${builtinNames})(\\/.*)?)$`

/** Packages that run only under Node or Electron's main process. */
const nodeOnlyPackages = [
  'better-sqlite3',
  'ws',
  'osc',
  'electron',
  'electron-vite',
  'playwright-core',
  'node-gyp',
  'tsx',
  'vitest',
]
const nodeOnlyPackage = `^(${nodeOnlyPackages.join('|')})(\\/.*)?$`

/** Globals that exist under Node but not in a browser (process, Buffer, require, ...). */
const nodeOnlyGlobals = Object.keys(globals.node)
  .filter((name) => !(name in globals.browser))
  .map((name) => ({ name, message: 'A browser has no Node globals.' }))

/** The contract: imported by every layer, it imports none. */
const contractFiles = ['src-main/contract/**/*.ts']
/** Code shared by the core and the renderer: it runs under Node and in a browser tab. */
const commonFiles = ['src-main/common/**/*.ts']

const sourceFiles = ['src-main/**/*.ts', 'src-preload/**/*.ts', 'src-renderer/**/*.{ts,tsx}']

export default tseslint.config(
  { ignores: ['node_modules', 'out', '.native', 'test-artifacts', 'resources'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'src-main/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{js,mjs}',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The renderer runs in a browser tab, the preload sandboxed in the page, and the contract in
    // both: browser globals
    // only. typescript-eslint turns no-undef off for TypeScript, so Node's globals are banned
    // by name.
    files: ['src-renderer/**/*.{ts,tsx}', 'src-preload/**/*.ts', ...contractFiles, ...commonFiles],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-globals': ['error', ...nodeOnlyGlobals] },
  },

  // Type-aware rules, for TypeScript files (every one of them is in a tsconfig).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },

  // An effect that depended on the document's text caused the autosave bug: hooks are checked.
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  // Imports are resolved as TypeScript resolves them (`./x.js` is `./x.ts`).
  {
    files: sourceFiles,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: `${import.meta.dirname}/tsconfig.json` }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './src-main/core',
              from: [
                './src-main/headless',
                './src-main/shell',
                './src-main/index.ts',
                './src-preload',
                './src-renderer',
              ],
              message: 'src-main/core runs under plain Node: it imports no layer above it.',
            },
            {
              target: './src-main/headless',
              from: ['./src-main/shell', './src-main/index.ts', './src-preload', './src-renderer'],
              message: 'Browser mode runs without Electron: it imports core only.',
            },
            {
              target: ['./src-main/shell', './src-main/index.ts'],
              from: ['./src-main/headless', './src-preload', './src-renderer'],
              message: 'The Electron main process imports core and electron only.',
            },
            {
              target: './src-main/contract',
              from: ['./src-main', './src-preload', './src-renderer'],
              except: ['./contract'],
              message: 'The contract is self-contained: it imports only zod and its own files.',
            },
            {
              target: './src-main/common',
              from: ['./src-main', './src-preload', './src-renderer'],
              except: ['./common', './contract'],
              message: 'src-main/common runs anywhere: it imports only the contract and itself.',
            },
            {
              target: './src-preload',
              from: './src-main',
              except: ['./contract'],
              message: 'The page reaches the core only through the contract.',
            },
            {
              target: './src-renderer',
              from: './src-main',
              except: ['./contract', './common'],
              message: 'The page reaches the core only through the contract.',
            },
            {
              target: './src-preload',
              from: './src-renderer',
              message: 'The preload imports only electron and the contract.',
            },
            {
              target: './src-renderer',
              from: './src-preload',
              message: 'The renderer reaches the preload only through window.gencaster.',
            },
          ],
        },
      ],
    },
  },

  // Package bans per layer. One entry per folder (a later entry replaces an earlier one's
  // options for the same files). typescript-eslint's version of the rule bans type imports too
  // unless a pattern allows them.
  {
    files: ['src-main/core/**/*.ts', 'src-main/headless/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^electron(/.*)?$',
              message: 'src-main/core and headless run without Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract is compiled for Node and the browser alike: zod and its own files only.
    files: contractFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltin, message: 'The contract imports no Node built-ins.' },
            {
              regex: `^(?!zod$|\\.|${nodeBuiltin.slice(1, -1)}$)`,
              message: 'The contract imports no package but zod.',
            },
            {
              regex: '^\\.\\./',
              message: 'The contract is self-contained: it imports nothing outside its folder.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared by the core (Node) and the renderer (a browser tab): no runtime's modules at all.
    files: commonFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltin, message: 'src-main/common imports no Node built-ins.' },
            {
              regex: `^(?!\\.|${nodeBuiltin.slice(1, -1)}$)`,
              message: 'src-main/common imports no package.',
            },
            {
              regex: '^\\.\\./(?!contract(/|$))',
              message: 'src-main/common imports nothing outside itself but ../contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltin, message: 'The preload runs sandboxed: no Node built-ins.' },
            {
              regex: `^(?!electron$|\\.|${nodeBuiltin.slice(1, -1)}$)`,
              message: 'The preload imports only electron and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: nodeBuiltin,
              message: 'The renderer also runs in a plain browser: no Node built-ins.',
            },
            {
              regex: nodeOnlyPackage,
              message: 'The renderer also runs in a plain browser: no Node-only packages.',
            },
          ],
        },
      ],
    },
  },

  // Plain JavaScript (this file, scripts) is in no tsconfig: no type-aware rules there.
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
)
