import type { StreamInstruction } from '../../src-main/core/instructions/stream-instruction.js'
import { makeInstructionView } from './instruction-view-fixture.js'

/** A StreamInstruction as the core stores it, SENT and unanswered unless overridden. */
export function makeStreamInstruction(
  overrides: Partial<StreamInstruction> = {},
): StreamInstruction {
  return { ...makeInstructionView(overrides), instructionText: overrides.instructionText ?? '1' }
}
