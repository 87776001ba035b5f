import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'dgram',
  'net',
  'http',
  'crypto',
  'child_process',
]

export default tseslint.config(
  { ignores: ['node_modules', 'out', '.native', 'test-artifacts', 'resources'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The core runs under plain Node (tests, browser mode): it never touches Electron or the
    // layers above it.
    files: ['src-main/core/**/*.ts', 'src-main/headless/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src-main/core runs without Electron.' },
            {
              group: ['**/src-renderer/**', '**/src-preload/**', '**/shell/**'],
              message: 'The core does not import the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer runs in a browser tab as well as in Electron: no Node built-ins, no Electron.
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*', ...nodeBuiltins],
              message: 'The renderer also runs in a plain browser.',
            },
            {
              regex: 'src-main/core/(?!contract/contract$)',
              message: 'The renderer talks to the core only through the contract.',
            },
          ],
        },
      ],
    },
  },
)
