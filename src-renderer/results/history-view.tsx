import { useEffect, useState } from 'react'
import { currentTargets, sendTo } from '../state/actions'
import { useApi } from '../state/store-context'

interface HistoryItem {
  readonly code: string
  readonly lastSent: string
  readonly times: number
}

/** Every code text sent (from the database, so it survives restarts), searchable, sendable again. */
export function HistoryView() {
  const { api, store } = useApi()
  const [text, setText] = useState('')
  const [items, setItems] = useState<HistoryItem[]>([])
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      void api.request('history', { text, limit: 200 }).then((result) => {
        if (current && result.ok) setItems(result.value)
      })
    }, 150)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [api, text])
  return (
    <div className="history table-scroll">
      <input
        placeholder="search history"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="history-search"
      />
      <ol className="history-items">
        {items.map((item) => (
          <li key={item.code} data-testid="history-item">
            <pre className="evaluation-code">{item.code}</pre>
            <span className="muted">
              {item.times}× · {item.lastSent.slice(0, 19).replace('T', ' ')}
            </span>
            <button
              onClick={() =>
                void sendTo(api, store, item.code, currentTargets(store.getState(), Date.now()))
              }
            >
              send again
            </button>
          </li>
        ))}
      </ol>
    </div>
  )
}
