import { maxReturnValueOnWire } from '../../../src-main/contract/index.js'
import { describe, expect, it } from 'vitest'
import {
  instructionView,
  truncatedForWire,
  withinBudget,
} from '../../../src-main/core/dispatch/wire-events.js'
import { makeStreamInstruction } from '../../support/stream-instruction-fixture.js'

describe('wire views', () => {
  it('leave the code out of an instruction and cut a huge return value', () => {
    const instruction = makeStreamInstruction({
      instructionText: 'x'.repeat(60_000),
      returnValue: 'y'.repeat(maxReturnValueOnWire + 10),
    })
    const view = instructionView(instruction)
    expect('instructionText' in view).toBe(false)
    expect(view.returnValue).toBe(`${'y'.repeat(maxReturnValueOnWire)}… (10 more characters)`)
    expect(view).toMatchObject({ uuid: instruction.uuid, state: 'SENT', streamPoint: 'u-1' })
    expect(instructionView({ ...instruction, returnValue: null }).returnValue).toBeNull()
  })

  it('keep short text as it is', () => {
    expect(truncatedForWire('2', 10)).toBe('2')
    // A cut that would split 🎵 (two UTF-16 units) keeps it whole on the far side.
    expect(truncatedForWire('ab🎵cd', 3)).toBe('ab… (4 more characters)')
  })

  it('take the newest items up to a budget, and always the first', () => {
    const size = (item: number) => item
    expect(withinBudget([3, 3, 3, 3], size, 7)).toEqual([3, 3])
    expect(withinBudget([50, 1], size, 7)).toEqual([50])
    expect(withinBudget([], size, 7)).toEqual([])
  })
})
