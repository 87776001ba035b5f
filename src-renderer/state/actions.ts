import type { GencasterApi, InstructionView, Result, StreamPoint } from '../../src-main/contract'
import { shortVisibleName } from '../logs/visible-control-characters'
import { recallActiveTab } from './active-tab-memory'
import { needsRetry, waitForOutcome } from './instruction-outcome'
import { presenceOf } from '../../src-main/contract'
import type { AppState } from './app-state'
import type { AppStore } from './store'

/**
 * The points code goes to: the chosen ones, or every online point when none is chosen. Points
 * with listeners are left out unless "include busy" is on.
 */
export function currentTargets(state: AppState, nowMs: number): StreamPoint[] {
  const eligible = (point: StreamPoint) =>
    presenceOf(point, nowMs + state.clockOffsetMs, state.onlineWindowMs) !== 'offline' &&
    (state.includeBusy || (state.streamsByPoint[point.uuid]?.listeners ?? 0) === 0)
  const candidates =
    state.selectedTargets.length > 0
      ? state.selectedTargets
          .map((uuid) => state.points.get(uuid))
          .filter((point) => point !== undefined)
      : [...state.points.values()]
  return candidates.filter(eligible)
}

/** What the editor's evaluation does: code (plain or canary) or speech, per the editor mode. */
export async function evaluate(api: GencasterApi, store: AppStore, code: string): Promise<void> {
  const state = store.getState()
  const targets = currentTargets(state, Date.now())
  if (state.editorMode === 'speak') return speak(api, store, code, targets)
  if (state.canary && targets.length > 1) return sendCanary(api, store, code, targets)
  await sendTo(api, store, code, targets)
}

/** What a row says while its request is on the way to the core. */
export const sendingNote = 'sending…'

/** Sends code to the given points as one new row of the result matrix; returns the row's id. */
export async function sendTo(
  api: GencasterApi,
  store: AppStore,
  code: string,
  targets: readonly StreamPoint[],
): Promise<number> {
  const id = store.getState().takeEvaluationId()
  if (targets.length === 0) {
    store.getState().addEvaluation({
      id,
      code,
      at: Date.now(),
      instructionByPoint: {},
      error: 'no online target',
    })
    return id
  }
  // The row shows at once: a request can take up to its deadline to answer or fail.
  store
    .getState()
    .addEvaluation({ id, code, at: Date.now(), instructionByPoint: {}, note: sendingNote })
  const result = await api.request('sendCode', {
    code,
    targets: targets.map((point) => point.uuid),
  })
  finishRow(store, id, result)
  return id
}

/** Fills in a row's instructions, or its error, once the core has answered (or failed to). */
function finishRow(
  store: AppStore,
  id: number,
  result: Result<{ instructions: InstructionView[] }>,
): void {
  const state = store.getState()
  if (!result.ok) {
    state.updateEvaluation(id, { note: undefined, error: result.error })
    return
  }
  state.applyInstructions(result.value.instructions)
  state.updateEvaluation(id, {
    note: undefined,
    instructionByPoint: byPoint(result.value.instructions),
  })
}

/** Canary: one target first; the others only once it answers FINISHED, none on failure or silence. */
async function sendCanary(
  api: GencasterApi,
  store: AppStore,
  code: string,
  targets: readonly StreamPoint[],
): Promise<void> {
  const [canary, ...rest] = targets as [StreamPoint, ...StreamPoint[]]
  const name = shortVisibleName(canary.scName ?? canary.uuid)
  const id = await sendTo(api, store, code, [canary])
  const row = () => store.getState().evaluations.find((evaluation) => evaluation.id === id)
  const canaryInstruction = row()?.instructionByPoint[canary.uuid]
  if (canaryInstruction === undefined) return
  store.getState().updateEvaluation(id, { note: `canary: waiting for ${name}` })
  const outcome = await waitForOutcome(store, canaryInstruction)
  if (outcome !== 'finished') {
    store.getState().updateEvaluation(id, {
      note: `canary ${name}: ${outcome}, not sent to the other ${rest.length}`,
    })
    return
  }
  const result = await api.request('sendCode', { code, targets: rest.map((point) => point.uuid) })
  if (!result.ok) {
    store.getState().updateEvaluation(id, { error: result.error })
    return
  }
  store.getState().applyInstructions(result.value.instructions)
  store.getState().updateEvaluation(id, {
    note: `canary ${name} finished: released to ${rest.length} more`,
    instructionByPoint: { ...row()?.instructionByPoint, ...byPoint(result.value.instructions) },
  })
}

/** Re-sends a row's code to its targets that failed or did not answer, as a new row. */
export async function retryFailed(
  api: GencasterApi,
  store: AppStore,
  evaluationId: number,
): Promise<void> {
  const state = store.getState()
  const evaluation = state.evaluations.find((candidate) => candidate.id === evaluationId)
  if (!evaluation) return
  const failed = Object.entries(evaluation.instructionByPoint)
    .filter(([, instructionUuid]) => needsRetry(state.instructions.get(instructionUuid)))
    .map(([pointUuid]) => state.points.get(pointUuid))
    .filter((point) => point !== undefined)
  if (failed.length > 0) await sendTo(api, store, evaluation.code, failed)
}

/** Speech, refused with its reason until speech is configured. */
async function speak(
  api: GencasterApi,
  store: AppStore,
  text: string,
  targets: readonly StreamPoint[],
): Promise<void> {
  const id = store.getState().takeEvaluationId()
  store.getState().addEvaluation({
    id,
    code: `speak: ${text}`,
    at: Date.now(),
    instructionByPoint: {},
    note: sendingNote,
  })
  const result = await api.request('speak', { text, targets: targets.map((point) => point.uuid) })
  finishRow(store, id, result)
}

function byPoint(instructions: readonly InstructionView[]): Record<string, string> {
  return Object.fromEntries(
    instructions.map((instruction) => [instruction.streamPoint, instruction.uuid]),
  )
}

/** How the panic button's row in the result matrix reads, and how it is told apart. */
export const stopEvaluationCode = 'STOP (Ctrl+.)'

/** The panic button: Ctrl+. on every current target, at once. */
export async function stopAll(api: GencasterApi, store: AppStore): Promise<void> {
  const state = store.getState()
  // Stop reaches every online point, busy or not: silence wins over politeness.
  const targets = currentTargets({ ...state, includeBusy: true }, Date.now())
  if (targets.length === 0) return
  const result = await api.request('stop', { targets: targets.map((point) => point.uuid) })
  if (!result.ok) {
    // A stop that did not go out must be impossible to miss: it stays until dismissed.
    store.getState().raiseAlert('stop', stopFailureText(result.error, new Date()))
    return
  }
  // A row of its own, so the performer sees every point confirm the stop.
  const latest = store.getState()
  latest.applyInstructions(result.value.instructions)
  latest.addEvaluation({
    id: latest.takeEvaluationId(),
    code: stopEvaluationCode,
    at: Date.now(),
    instructionByPoint: byPoint(result.value.instructions),
  })
}

/** The banner of a stop that failed, e.g. "STOP NOT SENT (21:04:05): not connected to the core". */
export function stopFailureText(error: string, at: Date): string {
  const time = at.toTimeString().slice(0, 8)
  const notSent = /^not sent: (.*)$/.exec(error)
  return notSent ? `STOP NOT SENT (${time}): ${notSent[1]}` : `STOP FAILED (${time}): ${error}`
}

/** Loads the editor tabs, making a first one on a new install. */
export async function loadDocuments(api: GencasterApi, store: AppStore): Promise<void> {
  const listed = await api.request('listDocuments', {})
  if (!listed.ok) {
    store.getState().raiseAlert('documents', `The tabs did not load: ${listed.error}`)
    return
  }
  store.getState().dismissAlert('documents')
  if (listed.value.length > 0) {
    // A reload opens the tab that was open, while it still exists; a reconnect keeps its own.
    const remembered = recallActiveTab(listed.value)
    if (store.getState().activeDocument === undefined && remembered !== undefined)
      store.getState().setActiveDocument(remembered)
    store.getState().setDocuments(listed.value)
    return
  }
  const created = await api.request('saveDocument', {
    title: 'Untitled 1',
    text: '// Ctrl+Enter evaluates the block or line, Shift+Enter the line, Ctrl+. stops.\n1 + 1\n',
  })
  if (!created.ok) store.getState().raiseAlert('documents', `No tab made: ${created.error}`)
  // A new document has no base revision: its save is never a conflict.
  else if (created.value.status === 'saved') store.getState().setDocuments([created.value.document])
}

export async function newDocument(api: GencasterApi, store: AppStore): Promise<void> {
  const count = store.getState().documents.length
  const created = await api.request('saveDocument', {
    title: `Untitled ${count + 1}`,
    text: '',
    position: count,
  })
  if (!created.ok) {
    store.getState().raiseAlert('save', `New tab not made: ${created.error}`)
    return
  }
  if (created.value.status !== 'saved') return
  store.getState().putDocument(created.value.document)
  store.getState().setActiveDocument(created.value.document.uuid)
}
