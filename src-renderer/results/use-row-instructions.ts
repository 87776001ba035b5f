import { useMemo } from 'react'
import type { InstructionView } from '../../src-main/contract'
import type { AppState, Evaluation } from '../state/app-state'
import { useAppState } from '../state/store-context'

/**
 * A selector of one evaluation's instructions, one per target in `instructionByPoint`'s order.
 * The store changes twenty times a second with beacons and log lines; this looks the row's
 * targets up again only when the instructions record itself changed, and hands back the same
 * array while none of the row's own did, so the row does not render. (Looking every target of
 * every row up on each change had made one store update cost up to 40 ms with ten big rows.)
 */
export function selectRowInstructions(
  evaluation: Evaluation,
): (state: Pick<AppState, 'instructions'>) => (InstructionView | undefined)[] {
  const uuids = Object.values(evaluation.instructionByPoint)
  let seenRecord: AppState['instructions'] | undefined
  let rowInstructions: (InstructionView | undefined)[] = []
  return (state) => {
    if (state.instructions === seenRecord) return rowInstructions
    seenRecord = state.instructions
    const next = uuids.map((uuid) => state.instructions.get(uuid))
    if (next.some((instruction, index) => instruction !== rowInstructions[index]))
      rowInstructions = next
    return rowInstructions
  }
}

/** The instructions of one evaluation row; see `selectRowInstructions`. */
export function useRowInstructions(evaluation: Evaluation): (InstructionView | undefined)[] {
  const select = useMemo(() => selectRowInstructions(evaluation), [evaluation])
  return useAppState(select)
}
