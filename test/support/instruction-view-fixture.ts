import type { InstructionView } from '../../src-main/contract/index.js'

/** An instruction as the page sees it, SENT and unanswered unless overridden. */
export function makeInstructionView(overrides: Partial<InstructionView> = {}): InstructionView {
  return {
    uuid: 'i-1',
    createdDate: '',
    modifiedDate: '',
    streamPoint: 'u-1',
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
