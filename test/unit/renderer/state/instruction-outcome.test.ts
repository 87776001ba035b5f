import { describe, expect, it } from 'vitest'
import { needsRetry } from '../../../../src-renderer/state/instruction-outcome'
import { makeInstructionView } from '../../../support/instruction-view-fixture'

describe('retry failed', () => {
  it('sends again to failures and silences, never to answers or what is still on its way', () => {
    expect(needsRetry(makeInstructionView({ state: 'FAILURE' }))).toBe(true)
    expect(needsRetry(makeInstructionView({ state: 'SENT', noAnswerDate: 'x' }))).toBe(true)
    expect(needsRetry(makeInstructionView({ state: 'FINISHED', noAnswerDate: 'x' }))).toBe(false)
    expect(needsRetry(makeInstructionView({ state: 'RECEIVED' }))).toBe(false)
    expect(needsRetry(undefined)).toBe(false)
  })
})
