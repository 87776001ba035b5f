import type { InstructionView } from '../../src-main/contract'
import type { AppStore } from './store'

export type Outcome = 'finished' | 'failure' | 'no answer'

/** The final word on an instruction, if it has one yet. */
export function outcomeOf(instruction: InstructionView | undefined): Outcome | undefined {
  if (!instruction) return undefined
  if (instruction.state === 'FINISHED' || instruction.state === 'SUCCESS') return 'finished'
  if (instruction.state === 'FAILURE') return 'failure'
  return instruction.noAnswerDate === null ? undefined : 'no answer'
}

/** What "retry failed" sends again: targets that failed or never answered. */
export function needsRetry(instruction: InstructionView | undefined): boolean {
  const outcome = outcomeOf(instruction)
  return outcome === 'failure' || outcome === 'no answer'
}

/** Resolves when the instruction has its final word (the core marks silence "no answer"). */
export function waitForOutcome(store: AppStore, instructionUuid: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const check = () => {
      const outcome = outcomeOf(store.getState().instructions.get(instructionUuid))
      if (outcome === undefined) return false
      unsubscribe()
      resolve(outcome)
      return true
    }
    const unsubscribe = store.subscribe(() => void check())
    check()
  })
}
