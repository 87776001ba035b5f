import { useMemo } from 'react'
import { useApi, useAppState } from './store-context'

/**
 * A point's name by uuid, for panels that show names but nothing else of a point. Names change
 * only when a point appears or is renamed (`pointsVersion`), so such a panel does not render
 * again with every beacon (20 times a second on a busy stage).
 */
export function usePointName(): (uuid: string) => string {
  const pointsVersion = useAppState((state) => state.pointsVersion)
  const { store } = useApi()
  return useMemo(() => {
    const points = store.getState().points
    return (uuid: string) => points.get(uuid)?.scName ?? uuid.slice(0, 8)
    // pointsVersion is the trigger: the points record itself changes with every beacon.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: a trigger, not a value read
  }, [store, pointsVersion])
}
