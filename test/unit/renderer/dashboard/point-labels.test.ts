import { describe, expect, it } from 'vitest'
import { instructionLabel, streamsLabel } from '../../../../src-renderer/dashboard/point-labels'
import type { InstructionView } from '../../../../src-main/contract'
import { makeInstructionView } from '../../../support/instruction-view-fixture'

const instruction = (overrides: Partial<InstructionView>) =>
  makeInstructionView({ sentDate: '2026-11-21T20:00:00.000Z', ...overrides })

describe('dashboard labels', () => {
  it('name streams and listeners, and nothing for a free point', () => {
    expect(streamsLabel(undefined)).toBe('')
    expect(streamsLabel({ streams: 0, listeners: 0 })).toBe('')
    expect(streamsLabel({ streams: 1, listeners: 3 })).toBe('1 stream · 3 listening')
    expect(streamsLabel({ streams: 2, listeners: 5 })).toBe('2 streams · 5 listening')
  })

  it('say "no answer" only for an instruction that never got a final answer', () => {
    expect(instructionLabel(undefined)).toBe('')
    expect(instructionLabel(instruction({ state: 'RECEIVED' }))).toBe('received')
    expect(instructionLabel(instruction({ state: 'SENT', noAnswerDate: 'x' }))).toBe('no answer')
    expect(instructionLabel(instruction({ state: 'FINISHED', noAnswerDate: 'x' }))).toBe('finished')
  })
})
