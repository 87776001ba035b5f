import { afterEach, describe, expect, it } from 'vitest'
import { DataDirectoryInUseError } from '../../src-main/core/db/data-directory-lock.js'
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
})
