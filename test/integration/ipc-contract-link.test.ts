import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContractDispatcher } from '../../src-main/core/dispatch/contract-dispatcher.js'
import type { EventBatchFrame } from '../../src-main/contract/index.js'
import { createEventFanOut } from '../../src-main/contract/event-fan-out.js'
import { ipcChannels } from '../../src-main/contract/index.js'
import { logLevels } from '../../src-main/contract/index.js'
import { linkContractToIpc, type IpcSink } from '../../src-main/shell/ipc-contract-link.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'

/** A window's webContents as the link sees it: it records what is sent, in order. */
class RecordingWindow implements IpcSink {
  readonly wire: { channel: string; args: unknown[] }[] = []
  destroyed = false

  isDestroyed(): boolean {
    return this.destroyed
  }

  send(channel: string, ...args: unknown[]): void {
    this.wire.push({ channel, args })
  }

  /** The event batches sent, each as the one argument of its message. */
  get batches(): EventBatchFrame[] {
    return this.wire
      .filter((message) => message.channel === ipcChannels.event)
      .map((message) => {
        expect(message.args).toHaveLength(1)
        return message.args[0] as EventBatchFrame
      })
  }
}

const nextTurn = () => new Promise((done) => setImmediate(done))

describe('the IPC transport over a real core, without Electron', () => {
  let fixture: CoreFixture
  let dispatcher: ContractDispatcher

  beforeAll(async () => {
    fixture = await startCore()
    dispatcher = fixture.core.dispatcher
  })
  afterAll(() => fixture.close())

  const writeLog = (message: string) =>
    fixture.core.log.write({ origin: 'supercollider', level: logLevels.INFO, message })

  it('sends a burst of 500 log lines in one turn as one message, which the preload unpacks in order', async () => {
    const window = new RecordingWindow()
    const link = linkContractToIpc(dispatcher, window)
    try {
      const lines = Array.from({ length: 500 }, (_, index) => `burst line ${index}`)
      for (const line of lines) writeLog(line)
      expect(window.wire).toEqual([])
      await nextTurn()
      expect(window.wire).toHaveLength(1)
      const [batch] = window.batches
      expect(batch!.events.map((frame) => frame.event)).toEqual(lines.map(() => 'log-added'))

      // The page's side: the preload's fan-out, fed the message as ipcRenderer would.
      const fanOut = createEventFanOut()
      const heard: string[] = []
      fanOut.on('log-added', (entry) => heard.push(entry.message))
      fanOut.deliver(batch!)
      expect(heard).toEqual(lines)
    } finally {
      link.close()
    }
  })

  it('sends the events that came before an answer before it', async () => {
    const window = new RecordingWindow()
    const link = linkContractToIpc(dispatcher, window)
    try {
      writeLog('before the answer')
      const answered = link.answer('ping', {})
      writeLog('while the answer is made')
      const result = await answered
      window.wire.push({ channel: 'answer', args: [result] })
      expect(result.ok).toBe(true)
      expect(window.wire.map((message) => message.channel)).toEqual([ipcChannels.event, 'answer'])
      expect(
        window.batches[0]!.events.map((frame) => (frame.payload as { message: string }).message),
      ).toEqual(['before the answer', 'while the answer is made'])
      // A refused request is still an answer, after its events.
      writeLog('before a bad request')
      const refused = await link.answer('no-such-method', {})
      expect(refused.ok).toBe(false)
      expect(window.batches).toHaveLength(2)
    } finally {
      link.close()
    }
  })

  it('sends nothing to a destroyed window, nor anything after close', async () => {
    const window = new RecordingWindow()
    const link = linkContractToIpc(dispatcher, window)
    window.destroyed = true
    writeLog('to a destroyed window')
    await nextTurn()
    window.destroyed = false
    writeLog('waiting at close')
    link.close()
    writeLog('after close')
    await nextTurn()
    expect(window.wire).toEqual([])
  })
})
