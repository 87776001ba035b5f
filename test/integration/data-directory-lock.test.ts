import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DataDirectoryInUseError,
  lockFileName,
} from '../../src-main/core/db/data-directory-lock.js'
import { startCore } from '../support/core-fixture.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { freeUdpPort, spawnHeadlessServe, type HeadlessServe } from '../support/serve-process.js'
import { makeTempDir } from '../support/temp-dir.js'

describe('one core per data directory', () => {
  const running: HeadlessServe[] = []
  const dirs: ReturnType<typeof makeTempDir>[] = []
  afterEach(async () => {
    // SIGTERM: tsx passes it on to the core's process (a SIGKILL would orphan that one).
    for (const serve of running.splice(0)) {
      if (serve.process.exitCode === null) serve.process.kill('SIGTERM')
      await serve.exited
    }
    for (const dir of dirs.splice(0)) dir.remove()
  })

  async function serveOn(dataDir: string): Promise<{ serve: HeadlessServe; port: number }> {
    const port = await freeUdpPort()
    const serve = spawnHeadlessServe([
      '--osc-host',
      '127.0.0.1',
      '--osc-port',
      String(port),
      '--data-dir',
      dataDir,
    ])
    running.push(serve)
    return { serve, port }
  }

  it('refuses a second serve with a clear message; after kill -9 a new one starts', async () => {
    const dir = makeTempDir('lock')
    dirs.push(dir)
    const first = await serveOn(dir.path)
    await first.serve.until('OSC on udp://')
    const pid = first.serve.corePid()

    const second = await serveOn(dir.path)
    expect(await second.serve.exited).toBe(1)
    expect(second.serve.output()).toContain(
      `gencaster: data directory ${dir.path} is in use by another Gencaster (pid ${pid}); close it or choose another with --data-dir`,
    )

    // The first one keeps working.
    const client = await OscTestClient.open()
    await client.send(first.port, '/remote/action', remoteActionArgs({ password: 'nope' }))
    await first.serve.until('wrong password')
    await client.close()

    process.kill(pid, 'SIGKILL')
    await first.serve.exited
    const third = await serveOn(dir.path)
    await third.serve.until('OSC on udp://')
  })

  it('refuses a second core in the same process, and frees the directory on close', async () => {
    const first = await startCore()
    await expect(startCore({ dataDir: first.dataDir })).rejects.toThrow(DataDirectoryInUseError)
    const dataDir = first.dataDir
    await first.core.close()
    const again = await startCore({ dataDir })
    await again.close()
    await first.close()
  })

  it('takes over a lock of an earlier boot, though its pid runs now (a power cut)', async () => {
    const dir = makeTempDir('lock-boot')
    dirs.push(dir)
    // pid 1 always runs; a lock naming it with this boot is held, with another boot stale.
    symlinkSync('1@00000000-0000-0000-0000-000000000000', join(dir.path, lockFileName))
    const settings = { dataDir: dir.path }
    const taken = await startCore(settings)
    // Released on close: the next lock is made fresh.
    await taken.close()
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
    symlinkSync(`1@${boot}`, join(dir.path, lockFileName))
    await expect(startCore(settings)).rejects.toThrow('in use by another Gencaster (pid 1)')
  })
})
