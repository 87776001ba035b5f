/** Whether a point matches what the performer typed into a filter: its name or host:port. */
export function pointMatches(point: StreamPoint, filter: string): boolean {
  const text = filter.toLowerCase()
  return (
    text === '' || `${point.scName ?? ''} ${point.host}:${point.port}`.toLowerCase().includes(text)
  )
}

/** By name, then port (unnamed points first): how the dashboard and the target picker list. */
export function byName(a: StreamPoint, b: StreamPoint): number {
  return (a.scName ?? '').localeCompare(b.scName ?? '') || a.port - b.port
}
import type { StreamPoint } from '../../src-main/contract'
