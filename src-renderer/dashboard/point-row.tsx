import type { PointStreams, InstructionView, StreamPoint } from '../../src-main/contract'
import { memo } from 'react'
import { showControlCharacters } from '../logs/visible-control-characters'
import { PointName } from '../logs/visible-text'
import { presenceOf } from '../../src-main/contract'
import { formatAge } from './beacon-age'
import { instructionLabel, streamsLabel } from './point-labels'
import { Sparkline } from './sparkline'

export interface PointRowProps {
  readonly point: StreamPoint
  readonly nowMs: number
  readonly onlineWindowMs: number
  /** Undefined while no stream of the point has listeners. */
  readonly streams: PointStreams | undefined
  readonly lastInstruction: InstructionView | undefined
  readonly roundTrips: readonly number[] | undefined
  readonly selected: boolean
  readonly onToggle: (uuid: string) => void
}

/** One StreamPoint; memoized so a beacon re-renders only its own row. */
export const PointRow = memo(function PointRow(props: PointRowProps) {
  const { point, nowMs, onlineWindowMs, streams, lastInstruction, roundTrips, selected, onToggle } =
    props
  const presence = presenceOf(point, nowMs, onlineWindowMs)
  const age = point.lastLive === null ? '' : formatAge(nowMs - Date.parse(point.lastLive))
  return (
    <tr
      className={`point-row presence-${presence}`}
      data-testid="point-row"
      data-point={point.scName ?? point.uuid}
    >
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(point.uuid)}
          aria-label={`target ${showControlCharacters(point.scName ?? point.uuid)}`}
        />
      </td>
      <td className="point-name">
        <PointName name={point.scName ?? '(unnamed)'} />
      </td>
      <td className="mono">
        {point.host}:{point.port}
      </td>
      <td>
        <span className={`presence-dot ${presence}`} /> {presence}{' '}
        <span className="muted">{age}</span>
      </td>
      <td className="mono">
        {point.janusOutRoom ?? '–'}/{point.janusInRoom ?? '–'}
        <span className="muted">
          {' '}
          {point.janusOutPort ?? '–'}/{point.janusInPort ?? '–'}
        </span>
      </td>
      <td>{point.useInput ? 'in' : ''}</td>
      <td data-testid="point-streams">{streamsLabel(streams)}</td>
      <td
        className={`state-${instructionLabel(lastInstruction).replace(' ', '-')}`}
        data-testid="point-last-state"
      >
        {instructionLabel(lastInstruction)}
        {lastInstruction?.roundTripMs != null && (
          <span className="muted"> {lastInstruction.roundTripMs.toFixed(1)} ms</span>
        )}
      </td>
      <td>
        <Sparkline values={roundTrips ?? []} />
      </td>
    </tr>
  )
})
