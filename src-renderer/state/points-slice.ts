import type { PointStreams, InstructionView, StreamPoint } from '../../src-main/contract'
import type { StateCreator } from 'zustand'
import type { AppState } from './store'

/** How many round trips each point's sparkline shows. */
export const sparklineLength = 20

export interface PointsSlice {
  /**
   * Every point by uuid. A Map, replaced whole on each change like any zustand state: copying
   * a thousand entries per frame cost five times more as an object spread.
   */
  points: ReadonlyMap<string, StreamPoint>
  /** Bumped when a point appears or is renamed: the name order changes only then. */
  pointsVersion: number
  onlineWindowMs: number
  /** The core's clock minus ours, so beacon ages are right when the core is another machine. */
  clockOffsetMs: number
  /** Points that have listeners now (busy), with their streams and listeners. */
  streamsByPoint: Record<string, PointStreams>
  lastInstructionByPoint: Record<string, string>
  roundTripsByPoint: Record<string, number[]>
  applyPoints(points: readonly StreamPoint[]): void
  trackInstructions(instructions: readonly InstructionView[]): void
}

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
