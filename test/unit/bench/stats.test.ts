import { describe, expect, it } from 'vitest'
import { percentile, slopePerStep } from '../../../bench/stats'

describe('bench statistics', () => {
  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, n) => 100 - n)
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 95)).toBe(95)
    expect(percentile([], 95)).toBeNaN()
  })

  it('finds the drift of a series, and none in a flat or noisy-flat one', () => {
    expect(slopePerStep([10, 10.5, 11, 11.5, 12])).toBeCloseTo(0.5)
    expect(slopePerStep([8, 9, 8, 9, 8, 9, 8, 9, 8.5])).toBeCloseTo(1 / 30)
    expect(slopePerStep([7, 7, 7])).toBe(0)
    expect(slopePerStep([7])).toBe(0)
  })
})
