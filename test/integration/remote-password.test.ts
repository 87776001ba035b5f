import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { settingsSchema } from '../../src-main/core/config/settings-schema.js'
import { GencasterCore } from '../../src-main/core/gencaster-core.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { makeTempDir } from '../support/temp-dir.js'
import { waitFor } from '../support/wait-for.js'

async function startWithoutPassword(dataDir: string): Promise<GencasterCore> {
  return GencasterCore.start({
    settings: settingsSchema.parse({ oscHost: '127.0.0.1', oscPort: 0, dataDir }),
  })
}

/** A remote action over real UDP reaches a beaconing instance: the password was taken. */
async function remoteActionArrives(core: GencasterCore, password: string): Promise<void> {
  const instance = await OscTestClient.open()
  const performer = await OscTestClient.open()
  const received: string[] = []
  instance.onMessage((datagram) => received.push(datagram.toString('latin1')))
  try {
    const port = core.oscAddress.port
    await instance.send(port, '/beacon', ['name', 'sc-1', 'lang_port', instance.port])
    await waitFor('the point', () => core.points.list()[0])
    await performer.send(
      port,
      '/remote/action',
      remoteActionArgs({ password, cmd: 'SinOsc.ar(440)' }),
    )
    await waitFor('the instruction', () =>
      received.some((text) => text.includes('SinOsc.ar(440)')) ? true : undefined,
    )
  } finally {
    await instance.close()
    await performer.close()
  }
}

describe('the remote-action password when none is set', () => {
  it('is made on first start, kept owner-only, reused, and shown only on request', async () => {
    const dir = makeTempDir('password')
    const file = join(dir.path, 'remote-action-password')
    try {
      const first = await startWithoutPassword(dir.path)
      const password = readFileSync(file, 'utf8').trim()
      expect(password).toMatch(/^[\w-]{24}$/)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      await remoteActionArrives(first, password)
      const answer = await first.dispatcher.handle('remotePassword', {})
      expect(answer).toEqual({ ok: true, value: { password, source: 'generated', file } })
      // The password never reaches a log line.
      const lines = first.log.query({ limit: 10_000 }).map((entry) => entry.message)
      expect(lines.join('\n')).not.toContain(password)
      await first.close()

      const second = await startWithoutPassword(dir.path)
      expect(second.remotePassword.password).toBe(password)
      await remoteActionArrives(second, password)
      await second.close()
    } finally {
      dir.remove()
    }
  })

  it('is read from a password file when one is given', async () => {
    const dir = makeTempDir('password')
    const passwordFile = join(dir.path, 'secret.txt')
    try {
      writeFileSync(passwordFile, 'from-the-file\n')
      const core = await GencasterCore.start({
        settings: settingsSchema.parse({
          oscHost: '127.0.0.1',
          oscPort: 0,
          dataDir: dir.path,
          passwordFile,
        }),
      })
      expect(core.remotePassword).toEqual({
        password: 'from-the-file',
        source: 'password file',
        file: passwordFile,
      })
      await remoteActionArrives(core, 'from-the-file')
      await core.close()
    } finally {
      dir.remove()
    }
  })
})
