import type { InstructionView } from '../../src-main/contract'
import type { StateCreator } from 'zustand'
import { retainedInstructions, shouldPrune } from './instruction-retention'
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
  readonly note?: string | undefined
}

export const maxEvaluations = 50

export interface InstructionsSlice {
  /** Instructions by uuid; a Map for the same reason as `points`. */
  instructions: ReadonlyMap<string, InstructionView>
  /** How many the last prune kept: the next waits until the Map has doubled. */
  instructionsKeptAtLastPrune: number
  evaluations: Evaluation[]
  applyInstructions(instructions: readonly InstructionView[]): void
  /**
   * Drops instructions no evaluation row and no point's "last" shows, once they have piled up.
   * Run after `trackInstructions`, so a new instruction is already some point's last.
   */
  pruneInstructions(): void
  addEvaluation(evaluation: Evaluation): void
  updateEvaluation(id: number, patch: Partial<Omit<Evaluation, 'id'>>): void
}

export const createInstructionsSlice: StateCreator<AppState, [], [], InstructionsSlice> = (
  set,
) => ({
  instructions: new Map(),
  instructionsKeptAtLastPrune: 0,
  evaluations: [],
  applyInstructions: (instructions) =>
    set((state) => {
      const next = new Map(state.instructions)
      for (const instruction of instructions) next.set(instruction.uuid, instruction)
      return { instructions: next }
    }),
  pruneInstructions: () =>
    set((state) => {
      if (!shouldPrune(state.instructions.size, state.instructionsKeptAtLastPrune)) return state
      const kept = retainedInstructions(
        state.instructions,
        state.evaluations,
        state.lastInstructionByPoint,
      )
      return { instructions: kept, instructionsKeptAtLastPrune: kept.size }
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
