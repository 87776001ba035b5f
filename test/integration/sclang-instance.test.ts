import type { StreamPoint } from '../../src-main/contract/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StreamInstruction } from '../../src-main/core/instructions/stream-instruction.js'
import { startCore, type CoreFixture } from '../support/core-fixture.js'
import { missingTool } from '../support/required-tool.js'
import { instanceCode, startSclang, type SclangInstance } from '../support/sclang-instance.js'
import { waitFor } from '../support/wait-for.js'

const noSclang = missingTool('sclang', 'supercollider-language')

describe.skipIf(noSclang)('the Gencaster quark in a real sclang', () => {
  let fixture: CoreFixture
  let sclang: SclangInstance
  let point: StreamPoint

  beforeAll(async () => {
    fixture = await startCore({ answerTimeoutSeconds: 3, onlineWindowSeconds: 2 })
    sclang = startSclang(instanceCode({ backendPort: fixture.oscPort, name: 'alpha' }))
    point = await waitFor(
      'alpha to beacon',
      () => fixture.core.points.list().find((p) => p.scName === 'alpha'),
      20_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\nsclang said:\n${sclang.output()}`)
    })
  })

  afterAll(async () => {
    await sclang?.stop()
    await fixture?.close()
  })

  async function run(code: string, manualFinish = false): Promise<StreamInstruction> {
    const sent = fixture.core.tracker.send(point, code, manualFinish)
    return waitFor(`an answer to ${code}`, () => {
      const current = fixture.core.tracker.get(sent.uuid)
      return current && ['FINISHED', 'FAILURE'].includes(current.state) ? current : undefined
    })
  }

  it('appears as an online StreamPoint with what it beaconed', () => {
    expect(point.host).toBe('127.0.0.1')
    expect(point.port).toBeGreaterThanOrEqual(57120)
    expect(point.janusOutRoom).toBe(7000 + (fixture.oscPort % 1000))
    expect(point.janusOutPort).toBe(5000)
    expect(point.useInput).toBe(false)
    expect(fixture.core.points.isOnline(point)).toBe(true)
  })

  it('answers 1+1 with FINISHED "2" and a round trip', async () => {
    const done = await run('1+1')
    expect(done.state).toBe('FINISHED')
    expect(done.returnValue).toBe('2')
    expect(done.receivedDate).not.toBeNull()
    expect(done.roundTripMs).toBeGreaterThan(0)
    expect(done.roundTripMs).toBeLessThan(1000)
  })

  it('returns the compile string of the result', async () => {
    expect((await run('"text" ++ 1')).returnValue).toBe('"text1"')
    expect((await run('nil')).returnValue).toBe('nil')
  })

  it('reports a syntax error as FAILURE with the error text', async () => {
    const failed = await run('(1 + [2)')
    expect(failed.state).toBe('FAILURE')
    expect(failed.returnValue).toContain('syntax error')
    expect(failed.returnValue).toContain("unexpected ')'")
  })

  it('reports a runtime error as FAILURE with the error text', async () => {
    const failed = await run('nil.noSuchMethodHere')
    expect(failed.state).toBe('FAILURE')
    expect(failed.returnValue).toContain("Message 'noSuchMethodHere' not understood")
  })

  it('calls a Function result with the instance', async () => {
    expect((await run('{ |instance| instance.name }')).returnValue).toBe('"alpha"')
  })

  it('holds FINISHED for manual_finish until the code sends it', async () => {
    const code =
      'var id = ~gencaster.instructionUuid; SystemClock.sched(0.6, { ~gencaster.finish(id, "late"); nil }); 42'
    const sent = fixture.core.tracker.send(point, code, true)
    await waitFor('RECEIVED', () =>
      fixture.core.tracker.get(sent.uuid)?.state === 'RECEIVED' ? true : undefined,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(fixture.core.tracker.get(sent.uuid)?.state).toBe('RECEIVED')
    const done = await waitFor('FINISHED', () => {
      const current = fixture.core.tracker.get(sent.uuid)
      return current?.state === 'FINISHED' ? current : undefined
    })
    expect(done.returnValue).toBe('"late"')
    expect(done.roundTripMs).toBeGreaterThan(500)
  })

  it('survives Ctrl+. (CmdPeriod): still answers and still beacons', async () => {
    const stopped = await run('CmdPeriod.run; "stopped"')
    expect(stopped.returnValue).toBe('"stopped"')
    const before = fixture.core.points.get(point.uuid)?.lastLive ?? ''
    await waitFor('a beacon after CmdPeriod', () =>
      (fixture.core.points.get(point.uuid)?.lastLive ?? '') > before ? true : undefined,
    )
    expect((await run('3*3')).returnValue).toBe('9')
  })

  it("forwards the console's errors and warnings to the log, tagged with the point", async () => {
    await run('SystemClock.sched(0, { nil.consoleErrorProbe; nil }); "careful now".warn; 1')
    const error = await waitFor(
      'the forwarded error',
      () => fixture.core.log.query({ text: 'consoleErrorProbe' })[0],
    )
    expect(error.level).toBe(40)
    expect(error.origin).toBe('supercollider')
    expect(error.streamPoint).toBe(point.uuid)
    expect(error.name).toBe('alpha')
    const warning = await waitFor(
      'the forwarded warning',
      () => fixture.core.log.query({ text: 'careful now' })[0],
    )
    expect(warning.level).toBe(30)
  })

  it('sends remote actions from the performer client (GencasterClient)', async () => {
    const before = fixture.core.tracker.listRecent(100).length
    await run(
      `GencasterClient("127.0.0.1", ${fixture.oscPort}, "test-password").send("alpha", "6*7"); nil`,
    )
    const forwarded = await waitFor('the client to reach the instance', () =>
      fixture.core.tracker
        .listRecent(100)
        .slice(0, fixture.core.tracker.listRecent(100).length - before)
        .find(
          (instruction) =>
            instruction.instructionText === '6*7' && instruction.state === 'FINISHED',
        ),
    )
    expect(forwarded.returnValue).toBe('42')
  })

  it('forwards IDE evaluations as remote actions while asked to, then stops', async () => {
    // interpretPrintCmdLine is what the IDE calls for Ctrl+Enter; the client hooks its preProcessor.
    const setup = await run(
      `var client = GencasterClient("127.0.0.1", ${fixture.oscPort}, "test-password");
      client.forwardEvaluations(["alpha"], local: false);
      thisProcess.interpreter.cmdLine = "5*5";
      thisProcess.interpreter.interpretPrintCmdLine;
      client.stopForwarding;
      thisProcess.interpreter.preProcessor.isNil`,
    )
    expect(setup.returnValue).toBe('true')
    const forwarded = await waitFor('the forwarded evaluation', () =>
      fixture.core.tracker
        .listRecent(50)
        .find(
          (instruction) =>
            instruction.instructionText === '5*5' && instruction.state === 'FINISHED',
        ),
    )
    expect(forwarded.returnValue).toBe('25')
  })

  it('makes a StreamVariable an Ndef without letting its value run code', async () => {
    const stream = fixture.core.streams.getFreeStream()
    // Unescaped, this value would close the string and run `~injected = 1` on the instance.
    const { instruction } = fixture.core.variables.set({
      stream: stream.uuid,
      key: 'amp',
      value: '"; ~injected = 1; "',
      streamToSc: true,
    })
    expect(instruction?.instructionText).toBe('Ndef("amp".asSymbol, "\\"; ~injected = 1; \\"");')
    await waitFor('the Ndef instruction to be answered', () => {
      const current = fixture.core.tracker.get(instruction!.uuid)
      return current && ['FINISHED', 'FAILURE'].includes(current.state) ? current : undefined
    })
    expect((await run('~injected.isNil')).returnValue).toBe('true')
    fixture.core.streams.disconnect(stream.uuid)
  })
})

describe.skipIf(noSclang)('an instance that dies', () => {
  it('goes offline after the window and its pending instruction becomes "no answer"', async () => {
    const fixture = await startCore({
      answerTimeoutSeconds: 60,
      manualFinishTimeoutSeconds: 600,
      onlineWindowSeconds: 1.5,
    })
    const sclang = startSclang(
      instanceCode({ backendPort: fixture.oscPort, name: 'doomed', beaconInterval: 0.3 }),
    )
    try {
      const point = await waitFor(
        'doomed to beacon',
        () => fixture.core.points.list().find((p) => p.scName === 'doomed'),
        20_000,
      )
      // Never finished: only the deadline or the point going away can end it.
      const pending = fixture.core.tracker.send(point, '"waiting forever"', true)
      await waitFor('RECEIVED', () =>
        fixture.core.tracker.get(pending.uuid)?.state === 'RECEIVED' ? true : undefined,
      )
      await sclang.stop({ crash: true })
      const marked = await waitFor('no answer', () => {
        const current = fixture.core.tracker.get(pending.uuid)
        return current?.noAnswerDate ? current : undefined
      })
      expect(fixture.core.points.isOnline(fixture.core.points.get(point.uuid)!)).toBe(false)
      expect(marked.state).toBe('RECEIVED')
      expect(fixture.core.log.query({ text: 'no answer from doomed' })).toHaveLength(1)
    } finally {
      await sclang.stop()
      await fixture.close()
    }
  })
})
