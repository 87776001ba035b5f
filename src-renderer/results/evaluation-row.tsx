import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { StreamInstruction } from '../../src-main/core/contract/contract'
import { retryFailed } from '../state/actions'
import { outcomeOf } from '../state/instruction-outcome'
import type { Evaluation } from '../state/instructions-slice'
import { useApi, useAppState } from '../state/store-context'
import { usePointName } from '../state/use-point-name'

function cellText(instruction: StreamInstruction | undefined): {
  label: string
  detail: string
  kind: string
} {
  const outcome = outcomeOf(instruction)
  if (!instruction) return { label: '', detail: '', kind: 'none' }
  if (outcome === 'no answer') return { label: 'no answer', detail: '', kind: 'no-answer' }
  if (outcome === 'failure')
    return { label: 'failure', detail: instruction.returnValue ?? '', kind: 'failure' }
  if (outcome === 'finished')
    return { label: instruction.returnValue ?? 'finished', detail: '', kind: 'finished' }
  return { label: instruction.state.toLowerCase(), detail: '', kind: 'pending' }
}

/**
 * One evaluation: its code and a cell per target. It renders again only when one of its own
 * instructions changes: a matrix of evaluations to a thousand points had rendered whole with
 * every beacon and every other row's answer.
 */
export const EvaluationRow = memo(function EvaluationRow({
  evaluation,
}: {
  readonly evaluation: Evaluation
}) {
  const { api, store } = useApi()
  const pointName = usePointName()
  const targets = Object.entries(evaluation.instructionByPoint)
  const instructions = useAppState(
    useShallow((state) => targets.map(([, uuid]) => state.instructions[uuid])),
  )
  const anyFailed = instructions.some((instruction) => {
    const outcome = outcomeOf(instruction)
    return outcome === 'failure' || outcome === 'no answer'
  })
  return (
    <div
      className={evaluation.code === 'STOP (Ctrl+.)' ? 'evaluation stop' : 'evaluation'}
      data-testid="evaluation"
    >
      <div className="evaluation-head">
        <pre className="evaluation-code">{evaluation.code}</pre>
        {anyFailed && (
          <button
            onClick={() => void retryFailed(api, store, evaluation.id)}
            data-testid="retry-failed"
          >
            retry failed
          </button>
        )}
      </div>
      {evaluation.note && (
        <div className="evaluation-note" data-testid="evaluation-note">
          {evaluation.note}
        </div>
      )}
      {evaluation.error && <div className="cell failure">{evaluation.error}</div>}
      <div className="cells">
        {targets.map(([pointUuid], index) => {
          const instruction = instructions[index]
          const { label, detail, kind } = cellText(instruction)
          return (
            <div
              className={`cell ${kind}`}
              key={pointUuid}
              data-testid="result-cell"
              data-kind={kind}
            >
              <span className="cell-point">{pointName(pointUuid)}</span>
              <span className="cell-value">{label}</span>
              {detail && <span className="cell-detail">{detail}</span>}
              {instruction?.roundTripMs != null && (
                <span className="muted"> {instruction.roundTripMs.toFixed(1)} ms</span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
})
