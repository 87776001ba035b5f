import { logLevelName, logLevelValues, logOrigins, type LogOrigin } from '../../src-main/contract'
import { useMemo } from 'react'
import { LogLines } from './log-lines'
import { shortVisibleName } from './visible-control-characters'
import { filterLogs } from '../state/logs-slice'
import { useApi, useAppState } from '../state/store-context'

/**
 * One option per point. Beacons change the points many times a second, but names only when a
 * point appears or is renamed (`pointsVersion`): rebuilding a thousand options with every
 * beacon made every frame under load slower.
 */
function PointOptions() {
  const pointsVersion = useAppState((state) => state.pointsVersion)
  const { store } = useApi()
  return useMemo(
    () =>
      [...store.getState().points.values()].map((point) => (
        <option key={point.uuid} value={point.uuid}>
          {shortVisibleName(point.scName ?? point.uuid)}
        </option>
      )),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pointsVersion is the trigger: the memo reads the points from store.getState()
    [store, pointsVersion],
  )
}

/** A live tail of StreamLog with filters by level, origin, point and text, and a pause. */
export function LogPanel() {
  const logs = useAppState((state) => state.logs)
  const filter = useAppState((state) => state.logFilter)
  const paused = useAppState((state) => state.logsPaused)
  const held = useAppState((state) => state.heldLogs.length)
  const setFilter = useAppState((state) => state.setLogFilter)
  const setPaused = useAppState((state) => state.setLogsPaused)
  const shown = useMemo(() => filterLogs(logs, filter), [logs, filter])
  return (
    <section className="log-panel" aria-label="log">
      <header className="panel-header">
        <h2>Log</h2>
        <select
          aria-label="level"
          value={filter.minLevel}
          onChange={(event) =>
            setFilter({ minLevel: Number(event.target.value) as typeof filter.minLevel })
          }
        >
          {logLevelValues.toReversed().map((level) => (
            <option key={level} value={level}>
              {level === 0 ? 'all levels' : `${logLevelName(level)} and above`}
            </option>
          ))}
        </select>
        <select
          aria-label="origin"
          value={filter.origin}
          onChange={(event) => setFilter({ origin: event.target.value as LogOrigin | '' })}
        >
          <option value="">all origins</option>
          {logOrigins.map((origin) => (
            <option key={origin} value={origin}>
              {origin}
            </option>
          ))}
        </select>
        <select
          aria-label="point"
          value={filter.streamPoint}
          onChange={(event) => setFilter({ streamPoint: event.target.value })}
        >
          <option value="">all points</option>
          <PointOptions />
        </select>
        <input
          placeholder="search"
          value={filter.text}
          onChange={(event) => setFilter({ text: event.target.value })}
        />
        <label>
          <input
            type="checkbox"
            checked={paused}
            onChange={(event) => setPaused(event.target.checked)}
          />{' '}
          pause
          {paused && held > 0 && ` (${held} waiting)`}
        </label>
      </header>
      <LogLines lines={shown} />
    </section>
  )
}
