/** Recent round trips as a tiny line; the last value is labelled next to it. */
export function Sparkline({ values }: { values: readonly number[] }) {
  if (values.length < 2) return <svg className="sparkline" width={60} height={16} aria-hidden />
  const max = Math.max(...values, 1)
  const step = 60 / (values.length - 1)
  const path = values
    .map((value, index) => `${index * step},${16 - (value / max) * 14 - 1}`)
    .join(' ')
  return (
    <svg
      className="sparkline"
      width={60}
      height={16}
      aria-label={`round trips up to ${max.toFixed(1)} ms`}
    >
      <polyline points={path} fill="none" stroke="currentColor" strokeWidth={1.2} />
    </svg>
  )
}
