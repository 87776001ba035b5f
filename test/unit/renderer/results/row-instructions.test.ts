import { describe, expect, it } from 'vitest'
import { selectRowInstructions } from '../../../../src-renderer/results/use-row-instructions'
import { makeInstructionView } from '../../../support/instruction-view-fixture'

describe('an evaluation row selects its instructions', () => {
  const sentA = makeInstructionView({ uuid: 'a1', streamPoint: 'a' })
  const sentB = makeInstructionView({ uuid: 'b1', streamPoint: 'b' })
  const select = selectRowInstructions({
    id: 1,
    code: '1+1',
    at: 0,
    instructionByPoint: { a: 'a1', b: 'b1' },
  })

  it('in target order, and the same array while none of its own changed', () => {
    const first = select({
      instructions: new Map([
        ['a1', sentA],
        ['b1', sentB],
      ]),
    })
    expect(first).toEqual([sentA, sentB])
    // A new record (another row's answer): same instructions for this row, same array.
    const other = makeInstructionView({ uuid: 'z9', streamPoint: 'z' })
    expect(
      select({
        instructions: new Map([
          ['a1', sentA],
          ['b1', sentB],
          ['z9', other],
        ]),
      }),
    ).toBe(first)
  })

  it('a new array once one of its own changes', () => {
    const before = select({
      instructions: new Map([
        ['a1', sentA],
        ['b1', sentB],
      ]),
    })
    const finishedB = { ...sentB, state: 'FINISHED' as const, returnValue: '2' }
    const after = select({
      instructions: new Map([
        ['a1', sentA],
        ['b1', finishedB],
      ]),
    })
    expect(after).not.toBe(before)
    expect(after).toEqual([sentA, finishedB])
  })
})
