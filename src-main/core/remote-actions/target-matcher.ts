/**
 * Whether a remote action's `target` names this point: its `janus_out_room` (as the original
 * matched), its `sc_name`, or its uuid.
 */
export function matchesTarget(point: StreamPoint, target: string): boolean {
  return (
    (point.janusOutRoom !== null && String(point.janusOutRoom) === target) ||
    point.scName === target ||
    point.uuid === target
  )
}

/** No target (undefined or empty) selects every point given. */
export function selectTargets(points: readonly StreamPoint[], target?: string): StreamPoint[] {
  if (target === undefined || target === '') return [...points]
  return points.filter((point) => matchesTarget(point, target))
}
import type { StreamPoint } from '../../contract/index.js'
