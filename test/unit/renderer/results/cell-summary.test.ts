import { describe, expect, it } from 'vitest'
import {
  cellsNeedingAttentionFirst,
  cellText,
  summarizeCells,
  type CellKind,
} from '../../../../src-renderer/results/cell-summary'
import { makeInstructionView } from '../../../support/instruction-view-fixture'

const cell = (point: string, kind: CellKind) => ({ point, kind })

describe('result cells', () => {
  it('say what a target answered', () => {
    const finished = makeInstructionView({ state: 'FINISHED', returnValue: '2' })
    expect(cellText(finished)).toEqual({ label: '2', detail: '', kind: 'finished' })
    const failed = makeInstructionView({ state: 'FAILURE', returnValue: 'ERROR: boom' })
    expect(cellText(failed)).toEqual({ label: 'failure', detail: 'ERROR: boom', kind: 'failure' })
    expect(cellText(undefined).kind).toBe('none')
  })

  it('put failures, then no answers, then pending before finished ones, in target order', () => {
    const cells = [
      cell('a', 'finished'),
      cell('b', 'no-answer'),
      cell('c', 'failure'),
      cell('d', 'pending'),
      cell('e', 'failure'),
      cell('f', 'finished'),
    ]
    expect(cellsNeedingAttentionFirst(cells, 4).map((c) => c.point)).toEqual(['c', 'e', 'b', 'd'])
    expect(cellsNeedingAttentionFirst(cells, 10).map((c) => c.point)).toEqual([
      'c',
      'e',
      'b',
      'd',
      'a',
      'f',
    ])
  })

  it('summarize a row by kind, what needs attention first', () => {
    const cells = [
      ...Array.from({ length: 998 }, (_, n) => cell(`p${n}`, 'finished')),
      cell('x', 'failure'),
      cell('y', 'no-answer'),
    ]
    expect(summarizeCells(cells)).toBe('1 failure · 1 no answer · 998 finished')
    expect(summarizeCells([])).toBe('')
  })
})
