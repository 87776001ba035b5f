import type { StreamInstruction } from '../../src-main/core/stream/stream-instruction.js'

/** A StreamInstruction as the core stores it, SENT and unanswered unless overridden. */
export function makeStreamInstruction(
  overrides: Partial<StreamInstruction> = {},
): StreamInstruction {
  return {
    uuid: 'i-1',
    createdDate: '',
    modifiedDate: '',
    streamPoint: 'u-1',
    instructionText: '1',
    state: 'SENT',
    returnValue: null,
    manualFinish: false,
    sentDate: null,
    receivedDate: null,
    finishedDate: null,
    deadlineDate: null,
    noAnswerDate: null,
    roundTripMs: null,
    ...overrides,
  }
}
