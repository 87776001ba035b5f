import type { StateCreator } from 'zustand'
import type { StreamInstruction } from '../../src-main/core/contract/contract'
import type { AppState } from './store'

/** One evaluation from the editor: a row of the result matrix. */
export interface Evaluation {
  readonly id: number
  readonly code: string
  readonly at: number
  /** Instruction uuid per target point uuid. */
  readonly instructionByPoint: Record<string, string>
  readonly error?: string
  /** How a staged evaluation stands, e.g. "canary: waiting for alpha". */
  readonly note?: string
}

export const maxEvaluations = 50

export interface InstructionsSlice {
  instructions: Record<string, StreamInstruction>
  evaluations: Evaluation[]
  applyInstructions(instructions: readonly StreamInstruction[]): void
  addEvaluation(evaluation: Evaluation): void
  updateEvaluation(id: number, patch: Partial<Omit<Evaluation, 'id'>>): void
}

export const createInstructionsSlice: StateCreator<AppState, [], [], InstructionsSlice> = (
  set,
) => ({
  instructions: {},
  evaluations: [],
  applyInstructions: (instructions) =>
    set((state) => {
      const next = { ...state.instructions }
      for (const instruction of instructions) next[instruction.uuid] = instruction
      return { instructions: next }
    }),
  addEvaluation: (evaluation) =>
    set((state) => ({ evaluations: [evaluation, ...state.evaluations].slice(0, maxEvaluations) })),
  updateEvaluation: (id, patch) =>
    set((state) => ({
      evaluations: state.evaluations.map((evaluation) =>
        evaluation.id === id ? { ...evaluation, ...patch } : evaluation,
      ),
    })),
})
