import type { InstructionView } from '../../src-main/contract'
import type { Evaluation } from './app-state'

/**
 * The instructions the page still shows: those in the result matrix's evaluations and each
 * point's last one. A show sends thousands (every evaluation to every point); kept forever they
 * grew the page's memory and made every update slower, as the record is copied per update.
 */
export function retainedInstructions(
  instructions: ReadonlyMap<string, InstructionView>,
  evaluations: readonly Evaluation[],
  lastInstructionByPoint: Readonly<Record<string, string>>,
): Map<string, InstructionView> {
  const kept = new Map<string, InstructionView>()
  const keep = (uuid: string) => {
    const instruction = instructions.get(uuid)
    if (instruction !== undefined) kept.set(uuid, instruction)
  }
  for (const evaluation of evaluations)
    for (const uuid of Object.values(evaluation.instructionByPoint)) keep(uuid)
  for (const uuid of Object.values(lastInstructionByPoint)) keep(uuid)
  return kept
}

/**
 * Whether a prune is worth its cost: once the record has doubled since the last one, so each
 * instruction is walked over a bounded number of times however long the show runs.
 */
export function shouldPrune(count: number, keptAtLastPrune: number): boolean {
  return count > 2 * Math.max(keptAtLastPrune, 500)
}
