import type { StreamInstruction } from '../../src-main/core/contract/contract'
import { useAppState } from '../state/store-context'

function cellText(instruction: StreamInstruction | undefined): {
  label: string
  detail: string
  kind: string
} {
  if (!instruction) return { label: '', detail: '', kind: 'none' }
  const final = ['FINISHED', 'SUCCESS', 'FAILURE'].includes(instruction.state)
  if (instruction.noAnswerDate && !final)
    return { label: 'no answer', detail: '', kind: 'no-answer' }
  if (instruction.state === 'FAILURE')
    return { label: 'failure', detail: instruction.returnValue ?? '', kind: 'failure' }
  if (final) return { label: instruction.returnValue ?? 'finished', detail: '', kind: 'finished' }
  return { label: instruction.state.toLowerCase(), detail: '', kind: 'pending' }
}

/** A row per evaluation, a cell per target, updated live as answers arrive. */
export function ResultMatrix() {
  const evaluations = useAppState((state) => state.evaluations)
  const instructions = useAppState((state) => state.instructions)
  const points = useAppState((state) => state.points)
  return (
    <section className="result-matrix" aria-label="results">
      <header className="panel-header">
        <h2>Results</h2>
      </header>
      <div className="table-scroll">
        {evaluations.map((evaluation) => (
          <div
            className={evaluation.code === 'STOP (Ctrl+.)' ? 'evaluation stop' : 'evaluation'}
            key={evaluation.id}
            data-testid="evaluation"
          >
            <pre className="evaluation-code">{evaluation.code}</pre>
            {evaluation.error && <div className="cell failure">{evaluation.error}</div>}
            <div className="cells">
              {Object.entries(evaluation.instructionByPoint).map(([pointUuid, instructionUuid]) => {
                const instruction = instructions[instructionUuid]
                const { label, detail, kind } = cellText(instruction)
                return (
                  <div
                    className={`cell ${kind}`}
                    key={pointUuid}
                    data-testid="result-cell"
                    data-kind={kind}
                  >
                    <span className="cell-point">
                      {points[pointUuid]?.scName ?? pointUuid.slice(0, 8)}
                    </span>
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
        ))}
      </div>
    </section>
  )
}
