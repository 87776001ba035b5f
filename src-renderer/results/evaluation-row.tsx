import { memo, useState } from 'react'
import { retryFailed, stopEvaluationCode } from '../state/actions'
import { needsRetry } from '../state/instruction-outcome'
import type { Evaluation } from '../state/app-state'
import { useApi } from '../state/store-context'
import { usePointName } from '../state/use-point-name'
import {
  cellsNeedingAttentionFirst,
  cellsShownAtFirst,
  cellText,
  summarizeCells,
} from './cell-summary'
import { ResultCell } from './result-cell'
import { useRowInstructions } from './use-row-instructions'

/**
 * One evaluation: its code and a cell per target; a big one shows a summary and the cells that
 * need a look first. It renders again only when one of its own instructions changes: a matrix
 * of evaluations to a thousand points had rendered whole with every beacon and every answer.
 */
export const EvaluationRow = memo(function EvaluationRow({
  evaluation,
}: {
  readonly evaluation: Evaluation
}) {
  const { api, store } = useApi()
  const pointName = usePointName()
  const [showAll, setShowAll] = useState(false)
  const targets = Object.keys(evaluation.instructionByPoint)
  const instructions = useRowInstructions(evaluation)
  const cells = targets.map((pointUuid, index) => {
    const instruction = instructions[index]
    const text = cellText(instruction)
    return { pointUuid, instruction, text, kind: text.kind }
  })
  const anyFailed = instructions.some(needsRetry)
  const big = cells.length > cellsShownAtFirst
  const shown = big && !showAll ? cellsNeedingAttentionFirst(cells) : cells
  return (
    <div
      className={evaluation.code === stopEvaluationCode ? 'evaluation stop' : 'evaluation'}
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
      {big && (
        <div className="evaluation-summary" data-testid="evaluation-summary">
          {cells.length} targets: {summarizeCells(cells)}{' '}
          <button onClick={() => setShowAll(!showAll)} data-testid="show-all-cells">
            {showAll ? 'show fewer' : `show all ${cells.length}`}
          </button>
        </div>
      )}
      <div className="cells">
        {shown.map(({ pointUuid, instruction, text }) => (
          <ResultCell
            key={pointUuid}
            pointName={pointName(pointUuid)}
            instruction={instruction}
            text={text}
          />
        ))}
      </div>
    </div>
  )
})
