/** Instruction states in the order an instruction may move through them. */
export const instructionStates = [
  'UNACKNOWLEDGED',
  'SENT',
  'RECEIVED',
  'READY',
  'FINISHED',
  'SUCCESS',
  'FAILURE',
] as const
export type InstructionState = (typeof instructionStates)[number]

/**
 * An instruction as the page sees it: its state and answer, not its code. A fan-out of large
 * code to thousands of points once made 181 MB of frames because every state change carried the
 * whole code; the page sent the code itself and never reads it back from an instruction.
 */
export interface InstructionView {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly streamPoint: string
  readonly state: InstructionState
  /** Cut to `maxReturnValueOnWire` characters on the wire; the database keeps the whole one. */
  readonly returnValue: string | null
  readonly manualFinish: boolean
  readonly sentDate: string | null
  readonly receivedDate: string | null
  readonly finishedDate: string | null
  /** When the instruction stops waiting for an answer. */
  readonly deadlineDate: string | null
  /** Set when the deadline passed before a final answer: the "no answer" mark. */
  readonly noAnswerDate: string | null
  /** Sent to final answer, in milliseconds. */
  readonly roundTripMs: number | null
}

/** Longest return value sent to the page; the database keeps the whole one. */
export const maxReturnValueOnWire = 4000

/** One code sent before, as the history lists it: newest first, repeats counted. */
export interface HistoryEntry {
  readonly code: string
  /** ISO-8601: when it was last sent. */
  readonly lastSent: string
  readonly times: number
}

/** The code the panic button sends: what Ctrl+. does in the SuperCollider IDE. */
export const stopCode = 'CmdPeriod.run; nil'
