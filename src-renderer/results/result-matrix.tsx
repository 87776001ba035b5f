import { useState } from 'react'
import type { StreamInstruction } from '../../src-main/core/contract/contract'
import { retryFailed } from '../state/actions'
import { outcomeOf } from '../state/instruction-outcome'
import { useApi, useAppState } from '../state/store-context'
import { HistoryView } from './history-view'
import { VariablesView } from './variables-view'

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

/** A row per evaluation, a cell per target, updated live; or the searchable history. */
export function ResultMatrix() {
  const { api, store } = useApi()
  const evaluations = useAppState((state) => state.evaluations)
  const instructions = useAppState((state) => state.instructions)
  const points = useAppState((state) => state.points)
  const [view, setView] = useState<'results' | 'history' | 'variables'>('results')
  return (
    <section className="result-matrix" aria-label="results">
      <header className="panel-header">
        <button
          className={view === 'results' ? 'view active' : 'view'}
          onClick={() => setView('results')}
        >
          Results
        </button>
        <button
          className={view === 'history' ? 'view active' : 'view'}
          onClick={() => setView('history')}
          data-testid="history-tab"
        >
          History
        </button>
        <button
          className={view === 'variables' ? 'view active' : 'view'}
          onClick={() => setView('variables')}
        >
          Variables
        </button>
      </header>
      {view === 'history' ? (
        <HistoryView />
      ) : view === 'variables' ? (
        <VariablesView />
      ) : (
        <div className="table-scroll">
          {evaluations.map((evaluation) => {
            const cells = Object.entries(evaluation.instructionByPoint).map(
              ([pointUuid, instructionUuid]) => ({
                pointUuid,
                instruction: instructions[instructionUuid],
              }),
            )
            const anyFailed = cells.some(({ instruction }) => {
              const outcome = outcomeOf(instruction)
              return outcome === 'failure' || outcome === 'no answer'
            })
            return (
              <div
                className={evaluation.code === 'STOP (Ctrl+.)' ? 'evaluation stop' : 'evaluation'}
                key={evaluation.id}
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
                  {cells.map(({ pointUuid, instruction }) => {
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
            )
          })}
        </div>
      )}
    </section>
  )
}
