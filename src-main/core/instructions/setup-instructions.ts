import { stopCode } from '../../contract/index.js'
import type { DomainModule } from '../dispatch/contract-handlers.js'
import { instructionView, withinBudget } from '../dispatch/wire-events.js'
import { InstructionTracker, type InstructionTrackerOptions } from './instruction-tracker.js'

export interface InstructionsModule extends DomainModule<'sendCode' | 'stop' | 'history'> {
  readonly tracker: InstructionTracker
}

/** Bound of one history answer: code sent once may be 60,000 characters. */
const historyBudget = 2 * 1024 * 1024
const historySize = (row: { code: string }) => row.code.length + 100

/** Code sent to StreamPoints, followed to its answer or its deadline. */
export function setupInstructions(options: InstructionTrackerOptions): InstructionsModule {
  const tracker = new InstructionTracker(options)
  // Each point once: a list naming one point 10,000 times is still one instruction to it.
  const pointsOf = (targets: readonly string[]) =>
    [...new Set(targets)].map(options.findPoint).filter((point) => point !== undefined)
  return {
    tracker,
    handlers: {
      sendCode: async ({ code, targets, manualFinish }) => ({
        instructions: (
          await tracker.sendToMany(pointsOf(targets), code, manualFinish ?? false)
        ).map(instructionView),
      }),
      stop: async ({ targets }) => ({
        instructions: (await tracker.sendToMany(pointsOf(targets), stopCode)).map(instructionView),
      }),
      history: ({ text, limit }) =>
        withinBudget(tracker.history(text, limit), historySize, historyBudget),
    },
    close: () => tracker.close(),
  }
}
