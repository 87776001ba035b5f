import { instructionStates } from '../../../src-main/contract/index.js'
import { describe, expect, it } from 'vitest'
import {
  canAdvance,
  isTerminalState,
  withAnswer,
  type StreamInstruction,
} from '../../../src-main/core/instructions/stream-instruction.js'

describe('instruction states', () => {
  it('move forward through the lifecycle', () => {
    expect(canAdvance('UNACKNOWLEDGED', 'SENT')).toBe(true)
    expect(canAdvance('SENT', 'RECEIVED')).toBe(true)
    expect(canAdvance('RECEIVED', 'FINISHED')).toBe(true)
    expect(canAdvance('SENT', 'FAILURE')).toBe(true)
    expect(canAdvance('UNACKNOWLEDGED', 'FINISHED')).toBe(true)
  })

  it('never move back or sideways between final answers', () => {
    expect(canAdvance('FINISHED', 'RECEIVED')).toBe(false)
    expect(canAdvance('FINISHED', 'FINISHED')).toBe(false)
    expect(canAdvance('FINISHED', 'FAILURE')).toBe(false)
    expect(canAdvance('FAILURE', 'SUCCESS')).toBe(false)
    expect(canAdvance('RECEIVED', 'RECEIVED')).toBe(false)
    expect(canAdvance('RECEIVED', 'READY')).toBe(false)
  })

  it('end with FINISHED, SUCCESS or FAILURE only', () => {
    expect(instructionStates.filter(isTerminalState)).toEqual(['FINISHED', 'SUCCESS', 'FAILURE'])
  })
})

describe('withAnswer', () => {
  const sent: StreamInstruction = {
    uuid: 'i',
    createdDate: 't0',
    modifiedDate: 't0',
    streamPoint: 'p',
    instructionText: '1+1',
    state: 'SENT',
    returnValue: null,
    manualFinish: false,
    sentDate: 't0',
    receivedDate: null,
    finishedDate: null,
    deadlineDate: 't9',
    noAnswerDate: null,
    roundTripMs: null,
  }

  it('stamps received on the first answer and finished with the round trip on the final one', () => {
    const received = withAnswer(sent, { state: 'RECEIVED', nowIso: 't1', roundTripMs: 0.1 })
    expect(received).toMatchObject({
      state: 'RECEIVED',
      receivedDate: 't1',
      finishedDate: null,
      roundTripMs: null,
    })
    const finished = withAnswer(received, {
      state: 'FINISHED',
      returnValue: '2',
      nowIso: 't2',
      roundTripMs: 0.3,
    })
    expect(finished).toMatchObject({
      state: 'FINISHED',
      returnValue: '2',
      receivedDate: 't1',
      finishedDate: 't2',
      roundTripMs: 0.3,
      modifiedDate: 't2',
    })
  })

  it('keeps a stored return value when an answer brings none', () => {
    const finished = withAnswer(
      { ...sent, returnValue: 'kept' },
      { state: 'FINISHED', nowIso: 't2', roundTripMs: 1 },
    )
    expect(finished.returnValue).toBe('kept')
  })
})
