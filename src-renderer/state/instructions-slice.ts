import type { StateCreator } from 'zustand'
import type { AppState, InstructionsSlice } from './app-state'
import { retainedInstructions, shouldPrune } from './instruction-retention'

export const createInstructionsSlice: StateCreator<AppState, [], [], InstructionsSlice> = (
  set,
) => ({
  instructions: new Map(),
  instructionsKeptAtLastPrune: 0,
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
})
