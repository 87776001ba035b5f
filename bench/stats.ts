/** The p-th percentile (0-100) of samples, by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function formatMs(value: number): string {
  return `${value.toFixed(3)} ms`
}

export function formatRate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')}/s`
}

/** Least-squares slope of evenly spaced samples, per step: whether a series drifts. */
export function slopePerStep(samples: readonly number[]): number {
  const n = samples.length
  if (n < 2) return 0
  const meanX = (n - 1) / 2
  const meanY = samples.reduce((sum, value) => sum + value, 0) / n
  let covariance = 0
  let variance = 0
  samples.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY)
    variance += (x - meanX) ** 2
  })
  return covariance / variance
}
