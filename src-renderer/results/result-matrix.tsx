import { useState } from 'react'
import { useAppState } from '../state/store-context'
import { EvaluationRow } from './evaluation-row'
import { HistoryView } from './history-view'
import { VariablesView } from './variables-view'

/** A row per evaluation, a cell per target, updated live; or the searchable history. */
export function ResultMatrix() {
  const evaluations = useAppState((state) => state.evaluations)
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
          {evaluations.map((evaluation) => (
            <EvaluationRow key={evaluation.id} evaluation={evaluation} />
          ))}
        </div>
      )}
    </section>
  )
}
