import { describe, expect, it } from 'vitest'
import {
  canAdvance,
  instructionStates,
  isTerminalState,
} from '../../../src-main/core/stream/stream-instruction.js'

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
