import type { InstructionView } from '../../src-main/contract'
import { PointName } from '../logs/visible-text'
import type { CellText } from './cell-summary'

/** One target of an evaluation: the point, what it answered, and the round trip. */
export function ResultCell({
  pointName,
  instruction,
  text,
}: {
  readonly pointName: string
  readonly instruction: InstructionView | undefined
  readonly text: CellText
}) {
  return (
    <div className={`cell ${text.kind}`} data-testid="result-cell" data-kind={text.kind}>
      <span className="cell-point">
        <PointName name={pointName} />
      </span>
      <span className="cell-value">{text.label}</span>
      {text.detail && <span className="cell-detail">{text.detail}</span>}
      {instruction?.roundTripMs != null && (
        <span className="muted"> {instruction.roundTripMs.toFixed(1)} ms</span>
      )}
    </div>
  )
}
