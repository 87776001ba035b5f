import { describe, expect, it } from 'vitest'
import { needsRetry } from '../../../../src-renderer/state/instruction-outcome'
import { makeStreamInstruction } from '../../../support/stream-instruction-fixture'

describe('retry failed', () => {
  it('sends again to failures and silences, never to answers or what is still on its way', () => {
    expect(needsRetry(makeStreamInstruction({ state: 'FAILURE' }))).toBe(true)
    expect(needsRetry(makeStreamInstruction({ state: 'SENT', noAnswerDate: 'x' }))).toBe(true)
    expect(needsRetry(makeStreamInstruction({ state: 'FINISHED', noAnswerDate: 'x' }))).toBe(false)
    expect(needsRetry(makeStreamInstruction({ state: 'RECEIVED' }))).toBe(false)
    expect(needsRetry(undefined)).toBe(false)
  })
})
