#!/usr/bin/env node
// `npm start`: gets the Electron binary, builds better-sqlite3 for Electron's ABI (kept in
// .native/, apart from the Node build in node_modules that the tests use, so `npm start` and
// `npm test` work in either order), builds the app and opens it.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const electronDir = dirname(require.resolve('electron/package.json'))
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
const browserModeHint =
  'Browser mode runs the same control room without Electron: npm run serve -- --http-port 8080 --data-dir <dir> --password <pw>'

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options })
  return result.status === 0
}

function fail(message) {
  console.error(`\n${message}\n${browserModeHint}`)
  process.exit(1)
}

// 1. The Electron binary (electron >= 42 fetches it on first use, not at install).
if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log(`Getting Electron ${electronVersion}...`)
  if (
    !run(process.execPath, [join(electronDir, 'install.js')]) ||
    !existsSync(join(electronDir, 'path.txt'))
  ) {
    fail(`Electron ${electronVersion} could not be downloaded on this machine.`)
  }
}

// 2. better-sqlite3 for Electron's ABI.
const nativeDir = join(root, '.native', `electron-${electronVersion}`)
const binding = join(nativeDir, 'better_sqlite3.node')
if (!existsSync(binding)) {
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)...`)
  const source = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(root, '.native', `build-electron-${electronVersion}`)
  rmSync(work, { recursive: true, force: true })
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) })
  const env = { ...process.env }
  // A machine-wide nodedir would make node-gyp build against Node's headers instead.
  delete env.npm_config_nodedir
  delete env.NPM_CONFIG_NODEDIR
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js')
  const built = run(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env },
  )
  if (!built)
    fail('Building better-sqlite3 for Electron failed (see above); a C++ toolchain is needed once.')
  mkdirSync(nativeDir, { recursive: true })
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binding)
  rmSync(work, { recursive: true, force: true })
}

// 3. Build and open.
if (!run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'])) {
  fail('Building the app failed (see above).')
}
const electronBinary = join(
  electronDir,
  'dist',
  readFileSync(join(electronDir, 'path.txt'), 'utf8').trim(),
)
const opened = spawnSync(electronBinary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
})
process.exit(opened.status ?? 1)
