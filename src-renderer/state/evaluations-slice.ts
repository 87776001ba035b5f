import type { StateCreator } from 'zustand'
import type { AppState, EvaluationsSlice } from './app-state'

/** How many rows the result matrix keeps: older ones go, and their instructions with them. */
export const maxEvaluations = 50

export const createEvaluationsSlice: StateCreator<AppState, [], [], EvaluationsSlice> = (
  set,
  get,
) => ({
  evaluations: [],
  nextEvaluationId: 1,
  takeEvaluationId: () => {
    const id = get().nextEvaluationId
    set({ nextEvaluationId: id + 1 })
    return id
  },
  addEvaluation: (evaluation) =>
    set((state) => ({ evaluations: [evaluation, ...state.evaluations].slice(0, maxEvaluations) })),
  updateEvaluation: (id, patch) =>
    set((state) => ({
      evaluations: state.evaluations.map((evaluation) =>
        evaluation.id === id ? { ...evaluation, ...patch } : evaluation,
      ),
    })),
})
