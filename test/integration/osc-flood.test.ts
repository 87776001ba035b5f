import { describe, expect, it } from 'vitest'
import { encodeOscMessage } from '../../src-main/core/osc/osc-codec.js'
import { startCore } from '../support/core-fixture.js'
import { encodeOscBundle } from '../support/osc-bundle.js'
import { OscTestClient } from '../support/osc-test-client.js'
import { storedLogMessages } from '../support/stored-log.js'
import { remoteActionArgs } from '../support/remote-action-args.js'
import { waitFor } from '../support/wait-for.js'

/** One UDP datagram of about 65 KB: an OSC bundle of thousands of messages to unknown routes. */
function bogusBundle(): { datagram: Buffer; messages: number } {
  const message = encodeOscMessage('/x', [])
  // 16 bytes of bundle header, then 4 bytes of length before each message.
  const count = Math.floor((65_000 - 16) / (4 + message.length))
  return { datagram: encodeOscBundle(Array(count).fill(message)), messages: count }
}

describe('a flood of bogus OSC', () => {
  it("writes a bounded number of lines and never pushes out the show's own", async () => {
    const fixture = await startCore({ logRetentionRows: 100 })
    const instance = await OscTestClient.open()
    const attacker = await OscTestClient.open()
    const attackerPort = attacker.port
    const { datagram, messages } = bogusBundle()
    expect(messages).toBe(5_415) // as in the issue
    try {
      await instance.send(fixture.oscPort, '/log', ['level', 'INFO', 'message', 'all points up'])
      await waitFor('the show line', () => fixture.core.log.query({ text: 'all points up' })[0])
      const before = fixture.core.log.query({ limit: 10_000 }).length
      for (let n = 0; n < 40; n += 1) {
        await attacker.sendRaw(fixture.oscPort, datagram)
        // Paced by the core itself: a beacon behind each datagram is applied only after it, so
        // the kernel's receive buffer never drops a bundle on a busy machine.
        await instance.send(fixture.oscPort, '/beacon', ['name', `tick-${n}`, 'lang_port', 1])
        await waitFor(
          `the beacon after bundle ${n}`,
          () => fixture.core.points.list().find((point) => point.scName === `tick-${n}`),
          30_000,
        )
      }
      const written = fixture.core.log.query({ limit: 10_000 }).length - before
      expect(written).toBeLessThanOrEqual(12)
      expect(fixture.core.log.query({ text: 'all points up' })).toHaveLength(1)
    } finally {
      await instance.close()
      await attacker.close()
      await fixture.core.close()
    }
    // The window's summary (written at close) counts every message of every bundle.
    const summary = storedLogMessages(fixture.dataDir, '%further rejected OSC messages%')
    expect(summary).toHaveLength(1)
    const oneByOne = storedLogMessages(
      fixture.dataDir,
      `rejected % from 127.0.0.1:${attackerPort}:%`,
    )
    const summarised = Number(/^([\d,]+) further/.exec(summary[0]!)?.[1]?.replaceAll(',', ''))
    expect(oneByOne.length + summarised).toBe(40 * messages)
    expect(summary[0]).toMatch(
      /from 127\.0\.0\.1 not logged one by one in 60 s: [\d,]+ unknown route$/,
    )
    expect(storedLogMessages(fixture.dataDir, 'all points up')).toHaveLength(1)
    await fixture.close()
  }, 60_000)

  it('stores a 65 KB address as a short line that names it once', async () => {
    const fixture = await startCore()
    const attacker = await OscTestClient.open()
    try {
      const address = `/${'A'.repeat(65_000)}`
      await attacker.send(fixture.oscPort, address, [])
      const line = await waitFor(
        'the rejection',
        () => fixture.core.log.query({ text: 'unknown route' })[0],
      )
      expect(line.message.length).toBeLessThan(400)
      expect(line.message).toContain(`rejected /${'A'.repeat(199)}… (65,001 bytes) from 127.0.0.1:`)
      expect(line.message.indexOf('/AAA')).toBe(line.message.lastIndexOf('/AAA'))
    } finally {
      await attacker.close()
      await fixture.close()
    }
  })

  it('cuts an oversized /log message and says how long it was', async () => {
    const fixture = await startCore()
    const instance = await OscTestClient.open()
    try {
      await instance.send(fixture.oscPort, '/log', [
        'level',
        'INFO',
        'message',
        `huge ${'x'.repeat(60_000)}`,
      ])
      const line = await waitFor('the line', () => fixture.core.log.query({ text: 'huge' })[0])
      expect(line.message.length).toBeLessThanOrEqual(8192 + 30)
      expect(line.message).toMatch(/x… \(60,005 bytes\)$/)
    } finally {
      await instance.close()
      await fixture.close()
    }
  })

  it('says when the right password is refused because of a lockout, never the password', async () => {
    const fixture = await startCore()
    const performer = await OscTestClient.open()
    try {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await performer.send(
          fixture.oscPort,
          '/remote/action',
          remoteActionArgs({ password: `typo-${attempt}` }),
        )
      }
      await performer.send(
        fixture.oscPort,
        '/remote/action',
        remoteActionArgs({ password: 'test-password' }),
      )
      const line = await waitFor(
        'the lockout line',
        () => fixture.core.log.query({ text: 'although the password was right' })[0],
      )
      expect(line.message).toMatch(
        /^rejected \/remote\/action from 127\.0\.0\.1:\d+: OscBackendAuthException: sender locked out after 10 failed passwords \(until \d\d:\d\d:\d\d UTC\), although the password was right$/,
      )
      const everything = fixture.core.log.query({ limit: 10_000 }).map((entry) => entry.message)
      expect(everything.join('\n')).not.toContain('test-password')
    } finally {
      await performer.close()
      await fixture.close()
    }
  })
})
