import type { StateCreator } from 'zustand'
import type { AppState, PointsSlice } from './app-state'

/** How many round trips each point's sparkline shows. */
export const sparklineLength = 20

export const createPointsSlice: StateCreator<AppState, [], [], PointsSlice> = (set) => ({
  points: new Map(),
  pointsVersion: 0,
  onlineWindowMs: 60_000,
  clockOffsetMs: 0,
  streamsByPoint: {},
  lastInstructionByPoint: {},
  roundTripsByPoint: {},
  applyPoints: (points) =>
    set((state) => {
      const next = new Map(state.points)
      let reordered = false
      for (const point of points) {
        const previous = next.get(point.uuid)
        if (!previous || previous.scName !== point.scName || previous.port !== point.port)
          reordered = true
        next.set(point.uuid, point)
      }
      return {
        points: next,
        pointsVersion: reordered ? state.pointsVersion + 1 : state.pointsVersion,
      }
    }),
  trackInstructions: (instructions) =>
    set((state) => {
      const last = { ...state.lastInstructionByPoint }
      let trips = state.roundTripsByPoint
      for (const instruction of instructions) {
        const current = last[instruction.streamPoint]
        const currentCreated = current ? (state.instructions.get(current)?.createdDate ?? '') : ''
        if (!current || current === instruction.uuid || instruction.createdDate >= currentCreated) {
          last[instruction.streamPoint] = instruction.uuid
        }
        if (instruction.roundTripMs !== null && instruction.finishedDate !== null) {
          const previous = trips[instruction.streamPoint] ?? []
          trips = {
            ...trips,
            [instruction.streamPoint]: [...previous, instruction.roundTripMs].slice(
              -sparklineLength,
            ),
          }
        }
      }
      return { lastInstructionByPoint: last, roundTripsByPoint: trips }
    }),
})
