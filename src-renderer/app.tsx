import { AlertBanners } from './alerts/alert-banners'
import { Dashboard } from './dashboard/dashboard'
import { EditorPanel } from './editor/editor-panel'
import { keepFocus } from './focus/keep-focus'
import { LogPanel } from './logs/log-panel'
import { ResultMatrix } from './results/result-matrix'
import { RemotePassword } from './settings/remote-password'
import { stopAll } from './state/actions'
import { StorageBanner } from './status/storage-banner'
import { useApi, useAppState } from './state/store-context'

/** The control room: dashboard, editor and results, log; the panic button always in sight. */
export function App() {
  const { api, store } = useApi()
  const connection = useAppState((state) => state.connection)
  // The stop goes where the code goes: the button says so when points are chosen.
  const chosen = useAppState((state) => state.selectedTargets.length)
  return (
    <div className="app">
      <header className="top-bar">
        <h1>Gencaster</h1>
        <span className={`connection ${connection}`} data-testid="connection">
          {connection}
        </span>
        {connection === 'disconnected' && (
          <span className="connection-hint">points and answers as last seen</span>
        )}
        <RemotePassword />
        <button
          className="panic"
          data-testid="panic"
          onMouseDown={keepFocus}
          onClick={() => void stopAll(api, store)}
          title="CmdPeriod to this tab's chosen points, or to every online point when none is chosen; points with listeners included"
        >
          {chosen > 0 ? `STOP ${chosen} CHOSEN (Ctrl+.)` : 'STOP ALL (Ctrl+.)'}
        </button>
      </header>
      <StorageBanner />
      <AlertBanners />
      {/* What the page shows while away is the last state it heard of, not the stage's now. */}
      <main className={connection === 'disconnected' ? 'layout stale' : 'layout'}>
        <Dashboard />
        <EditorPanel />
        <ResultMatrix />
        <LogPanel />
      </main>
    </div>
  )
}
