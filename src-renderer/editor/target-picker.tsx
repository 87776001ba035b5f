import { useMemo, useState } from 'react'
import { PointName } from '../logs/visible-text'
import { byName, pointMatches } from '../state/point-order'
import { presenceOf } from '../../src-main/contract'
import { useApi, useAppState } from '../state/store-context'
import { useNow } from '../state/use-now'
import { useVisibleRows } from '../windowing/use-visible-rows'

/** Fixed height of one row of the list (CSS `.target-option`). */
const rowHeight = 22

/**
 * Beside the editor: tick the points this document's code goes to, without leaving the editor
 * for the dashboard. Lists the points that are not offline, by name, filtered as you type.
 */
export function TargetPicker() {
  const [open, setOpen] = useState(false)
  return (
    <span className="target-picker">
      <button aria-expanded={open} onClick={() => setOpen(!open)} data-testid="pick-targets">
        pick…
      </button>
      {open && <TargetList onClose={() => setOpen(false)} />}
    </span>
  )
}

function TargetList({ onClose }: { readonly onClose: () => void }) {
  const { store } = useApi()
  const now = useNow()
  const pointsVersion = useAppState((state) => state.pointsVersion)
  const selected = useAppState((state) => state.selectedTargets)
  const toggleTarget = useAppState((state) => state.toggleTarget)
  const [filter, setFilter] = useState('')
  // Presence and order change on the second and when points appear, not with every beacon.
  const listed = useMemo(() => {
    const { points, clockOffsetMs, onlineWindowMs } = store.getState()
    return [...points.values()]
      .filter(
        (point) =>
          presenceOf(point, now + clockOffsetMs, onlineWindowMs) !== 'offline' &&
          pointMatches(point, filter),
      )
      .sort(byName)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pointsVersion is the trigger: the memo reads the points from store.getState()
  }, [store, now, pointsVersion, filter])
  const { scroller, first, last, onScroll } = useVisibleRows<HTMLUListElement>(
    listed.length,
    rowHeight,
  )
  return (
    <div className="target-list" role="dialog" aria-label="pick targets">
      <header>
        <input
          placeholder="filter points"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          autoFocus
        />
        <button onClick={onClose}>done</button>
      </header>
      <ul ref={scroller} onScroll={onScroll}>
        {first > 0 && <li style={{ height: first * rowHeight }} aria-hidden />}
        {listed.slice(first, last).map((point) => (
          <li key={point.uuid} className="target-option">
            <label>
              <input
                type="checkbox"
                checked={selected.includes(point.uuid)}
                onChange={() => toggleTarget(point.uuid)}
              />{' '}
              <PointName name={point.scName ?? '(unnamed)'} />{' '}
              <span className="muted">
                {point.host}:{point.port}
              </span>
            </label>
          </li>
        ))}
        {last < listed.length && (
          <li style={{ height: (listed.length - last) * rowHeight }} aria-hidden />
        )}
        {listed.length === 0 && <li className="muted">no point online</li>}
      </ul>
    </div>
  )
}
