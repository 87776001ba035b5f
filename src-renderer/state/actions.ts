import { type GencasterApi, type StreamPoint } from '../../src-main/core/contract/contract'
import { presenceOf } from './presence'
import type { AppState, AppStore } from './store'

let nextEvaluationId = 1

/**
 * The points code goes to: the chosen ones, or every online point when none is chosen. Points
 * with listeners are left out unless "include busy" is on.
 */
export function currentTargets(state: AppState, nowMs: number): StreamPoint[] {
  const eligible = (point: StreamPoint) =>
    presenceOf(point, nowMs + state.clockOffsetMs, state.onlineWindowMs) !== 'offline' &&
    (state.includeBusy || (state.listenersByPoint[point.uuid] ?? 0) === 0)
  const candidates =
    state.selectedTargets.length > 0
      ? state.selectedTargets
          .map((uuid) => state.points[uuid])
          .filter((point) => point !== undefined)
      : Object.values(state.points)
  return candidates.filter(eligible)
}

/** Sends code to the current targets and adds its row to the result matrix. */
export async function evaluate(api: GencasterApi, store: AppStore, code: string): Promise<void> {
  const id = nextEvaluationId++
  const targets = currentTargets(store.getState(), Date.now())
  if (targets.length === 0) {
    store.getState().addEvaluation({
      id,
      code,
      at: Date.now(),
      instructionByPoint: {},
      error: 'no online target',
    })
    return
  }
  const result = await api.request('sendCode', {
    code,
    targets: targets.map((point) => point.uuid),
  })
  if (!result.ok) {
    store
      .getState()
      .addEvaluation({ id, code, at: Date.now(), instructionByPoint: {}, error: result.error })
    return
  }
  const state = store.getState()
  state.applyInstructions(result.value.instructions)
  state.addEvaluation({
    id,
    code,
    at: Date.now(),
    instructionByPoint: Object.fromEntries(
      result.value.instructions.map((i) => [i.streamPoint, i.uuid]),
    ),
  })
}

/** The panic button: Ctrl+. on every current target, at once. */
export async function stopAll(api: GencasterApi, store: AppStore): Promise<void> {
  const state = store.getState()
  // Stop reaches every online point, busy or not: silence wins over politeness.
  const targets = currentTargets({ ...state, includeBusy: true }, Date.now())
  if (targets.length === 0) return
  const result = await api.request('stop', { targets: targets.map((point) => point.uuid) })
  if (!result.ok) return
  // A row of its own, so the performer sees every point confirm the stop.
  const latest = store.getState()
  latest.applyInstructions(result.value.instructions)
  latest.addEvaluation({
    id: nextEvaluationId++,
    code: 'STOP (Ctrl+.)',
    at: Date.now(),
    instructionByPoint: Object.fromEntries(
      result.value.instructions.map((i) => [i.streamPoint, i.uuid]),
    ),
  })
}

/** Loads the editor tabs, making a first one on a new install. */
export async function loadDocuments(api: GencasterApi, store: AppStore): Promise<void> {
  const listed = await api.request('listDocuments', {})
  if (!listed.ok) return
  if (listed.value.length > 0) {
    store.getState().setDocuments(listed.value)
    return
  }
  const created = await api.request('saveDocument', {
    title: 'Untitled 1',
    text: '// Ctrl+Enter evaluates the block or line, Shift+Enter the line, Ctrl+. stops.\n1 + 1\n',
  })
  if (created.ok) store.getState().setDocuments([created.value])
}

export async function newDocument(api: GencasterApi, store: AppStore): Promise<void> {
  const count = store.getState().documents.length
  const created = await api.request('saveDocument', {
    title: `Untitled ${count + 1}`,
    text: '',
    position: count,
  })
  if (!created.ok) return
  store.getState().putDocument(created.value)
  store.getState().setActiveDocument(created.value.uuid)
}

/** Saves a tab's text a moment after typing stops. */
export function documentSaver(api: GencasterApi, store: AppStore, delayMs = 400) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  return (uuid: string, text: string) => {
    clearTimeout(timers.get(uuid))
    timers.set(
      uuid,
      setTimeout(() => {
        const document = store.getState().documents.find((candidate) => candidate.uuid === uuid)
        if (!document) return
        void api
          .request('saveDocument', {
            uuid,
            title: document.title,
            text,
            position: document.position,
          })
          .then((saved) => saved.ok && store.getState().putDocument(saved.value))
      }, delayMs),
    )
  }
}
