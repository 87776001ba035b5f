import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { byName, pointMatches } from '../state/point-order'
import { presenceOf } from '../../src-main/contract'
import { useApi, useAppState } from '../state/store-context'
import { useNow } from '../state/use-now'
import { PointRow } from './point-row'
import { useVisibleRows } from '../windowing/use-visible-rows'

type SortKey = 'name' | 'age'

/** Fixed row height of the dashboard table (CSS `.point-row`). */
const rowHeight = 26

/** Every StreamPoint with its presence, Janus wiring, last instruction and round trips. */
export function Dashboard() {
  const now = useNow()
  const { points, onlineWindowMs, clockOffsetMs, streamsByPoint, selectedTargets, toggleTarget } =
    useAppState(
      useShallow((state) => ({
        points: state.points,
        onlineWindowMs: state.onlineWindowMs,
        clockOffsetMs: state.clockOffsetMs,
        streamsByPoint: state.streamsByPoint,
        selectedTargets: state.selectedTargets,
        toggleTarget: state.toggleTarget,
      })),
    )
  const instructions = useAppState((state) => state.instructions)
  const lastByPoint = useAppState((state) => state.lastInstructionByPoint)
  const roundTrips = useAppState((state) => state.roundTripsByPoint)
  const [filter, setFilter] = useState('')
  const [sortKey, setSortKey] = useState<SortKey>('name')
  const serverNow = now + clockOffsetMs

  const pointsVersion = useAppState((state) => state.pointsVersion)
  const { store } = useApi()
  // Sorting a thousand names on every beacon would cost each frame; the order by name only
  // changes when a point appears or is renamed, the order by age once a second.
  const order = useMemo(() => {
    const listed = [...store.getState().points.values()].filter((point) =>
      pointMatches(point, filter),
    )
    listed.sort((a, b) =>
      sortKey === 'name' ? byName(a, b) : (b.lastLive ?? '').localeCompare(a.lastLive ?? ''),
    )
    return listed.map((point) => point.uuid)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pointsVersion and the tick (order by age only) are the triggers: the memo reads the points from store.getState(), whose record changes with every beacon
  }, [store, pointsVersion, filter, sortKey, sortKey === 'age' ? now : 0])
  const rows = order.map((uuid) => points.get(uuid)).filter((point) => point !== undefined)

  const { scroller, first, last, onScroll } = useVisibleRows<HTMLDivElement>(rows.length, rowHeight)
  // Like the order: a presence check of every point once a second, not on every beacon.
  const { total, online } = useMemo(() => {
    const all = [...store.getState().points.values()]
    const live = all.filter((point) => presenceOf(point, serverNow, onlineWindowMs) !== 'offline')
    return { total: all.length, online: live.length }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pointsVersion is the trigger: the memo reads the points from store.getState()
  }, [store, serverNow, onlineWindowMs, pointsVersion])
  const busy = Object.values(streamsByPoint).filter((held) => held.listeners > 0).length

  return (
    <section className="dashboard" aria-label="StreamPoints">
      <header className="panel-header">
        <h2>StreamPoints</h2>
        <span className="totals" data-testid="totals">
          {online} online / {total} · {busy} busy
        </span>
        <input
          placeholder="filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <select
          value={sortKey}
          onChange={(event) => setSortKey(event.target.value as SortKey)}
          aria-label="sort"
        >
          <option value="name">by name</option>
          <option value="age">by last beacon</option>
        </select>
      </header>
      <div className="table-scroll" ref={scroller} onScroll={onScroll}>
        <table>
          <thead>
            <tr>
              <th />
              <th>name</th>
              <th>host:port</th>
              <th>presence</th>
              <th>rooms out/in · ports</th>
              <th>input</th>
              <th>streams</th>
              <th>last</th>
              <th>round trips</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr style={{ height: first * rowHeight }} aria-hidden />}
            {rows.slice(first, last).map((point) => {
              const lastUuid = lastByPoint[point.uuid]
              return (
                <PointRow
                  key={point.uuid}
                  point={point}
                  nowMs={serverNow}
                  onlineWindowMs={onlineWindowMs}
                  streams={streamsByPoint[point.uuid]}
                  lastInstruction={lastUuid === undefined ? undefined : instructions.get(lastUuid)}
                  roundTrips={roundTrips[point.uuid]}
                  selected={selectedTargets.includes(point.uuid)}
                  onToggle={toggleTarget}
                />
              )
            })}
            {last < rows.length && (
              <tr style={{ height: (rows.length - last) * rowHeight }} aria-hidden />
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}
