import type { InstructionState, InstructionView } from '../../contract/index.js'

const rank: Record<InstructionState, number> = {
  UNACKNOWLEDGED: 0,
  SENT: 1,
  RECEIVED: 2,
  READY: 2,
  FINISHED: 3,
  SUCCESS: 3,
  FAILURE: 3,
}

/** FINISHED, SUCCESS and FAILURE end an instruction. */
export function isTerminalState(state: InstructionState): boolean {
  return rank[state] === 3
}

/**
 * Whether `next` may replace `current`. States only move forward: acknowledgements repeat and
 * arrive out of order over UDP, and a late RECEIVED must never overwrite FINISHED.
 */
export function canAdvance(current: InstructionState, next: InstructionState): boolean {
  return rank[next] > rank[current]
}

/** Code sent to one StreamPoint, and what became of it (seed: StreamInstruction): the page's
 * view of it plus the code, which only the core keeps. */
export interface StreamInstruction extends InstructionView {
  readonly instructionText: string
}

/** One answer about an instruction: a new state, maybe a return value, and when. */
export interface InstructionAnswer {
  readonly state: InstructionState
  readonly returnValue?: string | null | undefined
  readonly nowIso: string
  /** Sent to this answer, for a final one. */
  readonly roundTripMs: number | null
}

/**
 * The instruction after an answer, for the caller to store. The first received and finished
 * times and the first round trip are kept; a missing return value keeps the one stored.
 */
export function withAnswer(
  current: StreamInstruction,
  answer: InstructionAnswer,
): StreamInstruction {
  const terminal = isTerminalState(answer.state)
  // Spelled out rather than spread: this runs for every acknowledgement, and V8's object
  // spread measured slower than the database write that follows.
  return {
    uuid: current.uuid,
    createdDate: current.createdDate,
    modifiedDate: answer.nowIso,
    streamPoint: current.streamPoint,
    instructionText: current.instructionText,
    state: answer.state,
    returnValue: answer.returnValue ?? current.returnValue,
    manualFinish: current.manualFinish,
    sentDate: current.sentDate,
    receivedDate: current.receivedDate ?? answer.nowIso,
    finishedDate: terminal ? (current.finishedDate ?? answer.nowIso) : current.finishedDate,
    deadlineDate: current.deadlineDate,
    noAnswerDate: current.noAnswerDate,
    roundTripMs: terminal ? (current.roundTripMs ?? answer.roundTripMs) : current.roundTripMs,
  }
}
