import { useMemo } from 'react'
import { logLevelNames } from './log-levels'
import { filterLogs } from '../state/logs-slice'
import { useAppState } from '../state/store-context'

/** A live tail of StreamLog with filters by level, point and text, and a pause. */
export function LogPanel() {
  const logs = useAppState((state) => state.logs)
  const filter = useAppState((state) => state.logFilter)
  const paused = useAppState((state) => state.logsPaused)
  const held = useAppState((state) => state.heldLogs.length)
  const points = useAppState((state) => state.points)
  const setFilter = useAppState((state) => state.setLogFilter)
  const setPaused = useAppState((state) => state.setLogsPaused)
  const shown = useMemo(() => filterLogs(logs, filter).slice(0, 300), [logs, filter])
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
          {Object.entries(logLevelNames).map(([level, name]) => (
            <option key={level} value={level}>
              {name} and above
            </option>
          ))}
        </select>
        <select
          aria-label="point"
          value={filter.streamPoint}
          onChange={(event) => setFilter({ streamPoint: event.target.value })}
        >
          <option value="">all points</option>
          {Object.values(points).map((point) => (
            <option key={point.uuid} value={point.uuid}>
              {point.scName ?? point.uuid}
            </option>
          ))}
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
      <ol className="log-lines" data-testid="log-lines">
        {shown.map((entry) => (
          <li key={entry.uuid} className={`log-line level-${entry.level}`} data-testid="log-line">
            <span className="muted">{entry.createdDate.slice(11, 23)}</span>{' '}
            <span className="log-level">{logLevelNames[entry.level] ?? entry.level}</span>{' '}
            <span className="muted">{entry.name ?? entry.origin}</span> {entry.message}
          </li>
        ))}
      </ol>
    </section>
  )
}
