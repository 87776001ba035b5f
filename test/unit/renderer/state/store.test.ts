import { describe, expect, it } from 'vitest'
import type { InstructionView, StreamLogEntry, StreamPoint } from '../../../../src-main/contract'
import { currentTargets } from '../../../../src-renderer/state/actions'
import type { LogFilter } from '../../../../src-renderer/state/app-state'
import { filterLogs, maxLogLines } from '../../../../src-renderer/state/logs-slice'
import { presenceOf } from '../../../../src-main/contract'
import { createAppStore } from '../../../../src-renderer/state/store'
import { makeStreamPoint } from '../../../support/stream-point-fixture'
import { makeInstructionView } from '../../../support/instruction-view-fixture'

const now = Date.parse('2026-11-21T12:00:00.000Z')
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString()

function point(uuid: string, lastLiveSecondsAgo: number | null, scName = uuid): StreamPoint {
  return makeStreamPoint({
    uuid,
    scName,
    lastLive: lastLiveSecondsAgo === null ? null : ago(lastLiveSecondsAgo),
  })
}

function instruction(
  uuid: string,
  streamPoint: string,
  overrides: Partial<InstructionView> = {},
): InstructionView {
  return makeInstructionView({ uuid, streamPoint, createdDate: ago(0), ...overrides })
}

function log(
  uuid: string,
  level: StreamLogEntry['level'],
  message: string,
  streamPoint: string | null = null,
): StreamLogEntry {
  return {
    uuid,
    createdDate: '',
    modifiedDate: '',
    streamPoint,
    stream: null,
    origin: 'supercollider',
    level,
    message,
    name: null,
  }
}

describe('presence', () => {
  it('is online, then stale, then offline as beacons stop', () => {
    expect(presenceOf(point('a', 2), now, 60_000)).toBe('online')
    expect(presenceOf(point('a', 20), now, 60_000)).toBe('stale')
    expect(presenceOf(point('a', 61), now, 60_000)).toBe('offline')
    expect(presenceOf(point('a', null), now, 60_000)).toBe('offline')
  })
})

describe('targets', () => {
  it('are all online points unless some are chosen; offline and busy ones are left out', () => {
    const store = createAppStore()
    store.getState().applyPoints([point('on', 1), point('off', 100), point('busy', 1)])
    store.setState({ streamsByPoint: { busy: { streams: 1, listeners: 2 } } })
    const names = () =>
      currentTargets(store.getState(), now)
        .map((p) => p.uuid)
        .sort()
    expect(names()).toEqual(['on'])
    store.getState().setIncludeBusy(true)
    expect(names()).toEqual(['busy', 'on'])
    store.getState().toggleTarget('busy')
    expect(names()).toEqual(['busy'])
    store.getState().toggleTarget('off')
    expect(names()).toEqual(['busy'])
    store.getState().clearTargets()
    expect(names()).toEqual(['busy', 'on'])
  })

  it('belong to a document: a new tab goes to all online points, an old one keeps its own', () => {
    const store = createAppStore()
    store.getState().applyPoints([point('a', 1), point('b', 1)])
    store.getState().setActiveDocument('drones')
    store.getState().toggleTarget('a')
    store.getState().setActiveDocument('new-tab')
    expect(store.getState().selectedTargets).toEqual([])
    expect(currentTargets(store.getState(), now)).toHaveLength(2)
    store.getState().toggleTarget('b')
    store.getState().setActiveDocument('drones')
    expect(store.getState().selectedTargets).toEqual(['a'])
    store.getState().setActiveDocument('new-tab')
    expect(store.getState().selectedTargets).toEqual(['b'])
  })

  it("honour the core's clock, not the browser's", () => {
    const store = createAppStore()
    store.getState().applyPoints([point('a', 1)])
    // The browser runs two minutes behind the core: the beacon is still fresh.
    store.setState({ clockOffsetMs: 120_000 })
    expect(currentTargets(store.getState(), now - 120_000)).toHaveLength(1)
  })
})

describe('instructions slice', () => {
  it("tracks each point's last instruction and recent round trips", () => {
    const store = createAppStore()
    const first = instruction('i1', 'p', {
      createdDate: ago(5),
      state: 'FINISHED',
      roundTripMs: 0.4,
      finishedDate: ago(5),
    })
    const second = instruction('i2', 'p', { createdDate: ago(1) })
    store.getState().applyInstructions([first, second])
    store.getState().trackInstructions([first, second])
    expect(store.getState().lastInstructionByPoint.p).toBe('i2')
    expect(store.getState().roundTripsByPoint.p).toEqual([0.4])
    // An update to the older one does not make it "last" again.
    store.getState().trackInstructions([{ ...first, modifiedDate: ago(0) }])
    expect(store.getState().lastInstructionByPoint.p).toBe('i2')
  })

  it('forgets instructions nothing shows any more, once they pile up, keeping what shows', () => {
    const store = createAppStore()
    const points = Array.from({ length: 100 }, (_, n) => `p${n}`)
    // Code sent to a hundred points, from the editor: a row of the result matrix.
    const shown = points.map((p) => instruction(`shown-${p}`, p, { createdDate: ago(60) }))
    store.getState().addEvaluation({
      id: 1,
      code: '1+1',
      at: 0,
      instructionByPoint: Object.fromEntries(shown.map((i) => [i.streamPoint, i.uuid])),
    })
    const receive = (batch: InstructionView[]) => {
      store.getState().applyInstructions(batch)
      store.getState().trackInstructions(batch)
      store.getState().pruneInstructions()
    }
    receive(shown)
    // Then forty remote actions to every point, from another performer's SuperCollider.
    for (let round = 0; round < 40; round += 1)
      receive(
        points.map((p) => instruction(`remote-${round}-${p}`, p, { createdDate: ago(59 - round) })),
      )
    const kept = store.getState().instructions
    expect(kept.size).toBeLessThanOrEqual(2 * 500)
    for (const i of shown) expect(kept.get(i.uuid)).toEqual(i)
    for (const p of points) {
      expect(store.getState().lastInstructionByPoint[p]).toBe(`remote-39-${p}`)
      expect(kept.get(`remote-39-${p}`)).toBeDefined()
    }
    expect(kept.get('remote-0-p0')).toBeUndefined()
  })

  it('keeps a bounded number of evaluations, newest first', () => {
    const store = createAppStore()
    for (let id = 1; id <= 60; id += 1)
      store.getState().addEvaluation({ id, code: `${id}`, at: id, instructionByPoint: {} })
    expect(store.getState().evaluations).toHaveLength(50)
    expect(store.getState().evaluations[0]?.id).toBe(60)
  })
})

describe('logs slice', () => {
  it('shows new lines first, holds them while paused, and stays bounded', () => {
    const store = createAppStore()
    store.getState().addLogs([log('1', 20, 'one'), log('2', 20, 'two')])
    expect(store.getState().logs.map((entry) => entry.message)).toEqual(['two', 'one'])
    store.getState().setLogsPaused(true)
    store.getState().addLogs([log('3', 40, 'three')])
    expect(store.getState().logs).toHaveLength(2)
    expect(store.getState().heldLogs).toHaveLength(1)
    store.getState().setLogsPaused(false)
    expect(store.getState().logs.map((entry) => entry.message)).toEqual(['three', 'two', 'one'])
    store
      .getState()
      .addLogs(Array.from({ length: maxLogLines + 10 }, (_, n) => log(`x${n}`, 10, `${n}`)))
    expect(store.getState().logs).toHaveLength(maxLogLines)
  })

  it('filters by level, origin, point and text', () => {
    const lines = [
      log('1', 40, 'ERROR: boom', 'p1'),
      log('2', 20, 'hello', 'p2'),
      log('3', 30, 'Boom again', 'p2'),
      { ...log('4', 40, 'mountpoint gone', 'p2'), origin: 'janus' as const },
    ]
    const all = { minLevel: 0, text: '', origin: '', streamPoint: '' } as const
    const shown = (filter: Partial<LogFilter>) =>
      filterLogs(lines, { ...all, ...filter }).map((l) => l.uuid)
    expect(shown({ minLevel: 30 })).toEqual(['1', '3', '4'])
    expect(shown({ text: 'boom', streamPoint: 'p2' })).toEqual(['3'])
    expect(shown({ origin: 'janus' })).toEqual(['4'])
    expect(shown({ origin: 'supercollider', minLevel: 40 })).toEqual(['1'])
  })
})
