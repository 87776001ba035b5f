import { useEffect, useMemo, useState } from 'react'
import { keepFocus } from '../focus/keep-focus'
import { currentTargets, evaluate, newDocument, stopAll } from '../state/actions'
import { rememberActiveTab } from '../state/active-tab-memory'
import { useApi, useAppState } from '../state/store-context'
import { useNow } from '../state/use-now'
import { CodeEditor } from './code-editor'
import { EditorSessions } from './editor-sessions'
import { TargetPicker } from './target-picker'
import { useDocumentSaver } from './use-document-saver'

/** Tabs, the editor, and what the code goes to. */
export function EditorPanel() {
  const { api, store } = useApi()
  const documents = useAppState((state) => state.documents)
  const active = useAppState((state) => state.activeDocument)
  const setActive = useAppState((state) => state.setActiveDocument)
  const includeBusy = useAppState((state) => state.includeBusy)
  const setIncludeBusy = useAppState((state) => state.setIncludeBusy)
  const selected = useAppState((state) => state.selectedTargets)
  const clearTargets = useAppState((state) => state.clearTargets)
  const canary = useAppState((state) => state.canary)
  const setCanary = useAppState((state) => state.setCanary)
  const mode = useAppState((state) => state.editorMode)
  const setMode = useAppState((state) => state.setEditorMode)
  // Re-read every second so the target count follows points going on- and offline.
  const now = useNow()
  const pointsVersion = useAppState((state) => state.pointsVersion)
  const streamsByPoint = useAppState((state) => state.streamsByPoint)
  // Counting means a presence check of every point: done on the tick and on the changes that
  // matter, not on every beacon.
  const targetCount = useMemo(
    () => currentTargets(store.getState(), now).length,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- currentTargets reads store.getState(): these are the changes that alter the count
    [store, now, pointsVersion, selected, includeBusy, streamsByPoint],
  )
  // Each opened tab's text, cursor and undo history, kept while the page lives.
  const [sessions] = useState(() => new EditorSessions())
  const saver = useDocumentSaver(api, store, sessions)
  const document = documents.find((candidate) => candidate.uuid === active)
  // For a reload to open this tab again.
  useEffect(() => {
    if (active !== undefined) rememberActiveTab(active)
  }, [active])

  return (
    <section className="editor-panel" aria-label="editor">
      <nav className="tabs" role="tablist">
        {documents.map((tab) => (
          <button
            key={tab.uuid}
            role="tab"
            aria-selected={tab.uuid === active}
            className={tab.uuid === active ? 'tab active' : 'tab'}
            onMouseDown={keepFocus}
            onClick={() => {
              // What the tab being left is waiting to save goes now.
              saver.flush()
              setActive(tab.uuid)
            }}
          >
            {tab.title}
          </button>
        ))}
        <button
          className="tab new"
          onMouseDown={keepFocus}
          onClick={() => {
            saver.flush()
            void newDocument(api, store)
          }}
          aria-label="new document"
        >
          +
        </button>
      </nav>
      <div className="target-bar" data-testid="target-bar">
        <span>
          to <strong>{targetCount}</strong> {selected.length > 0 ? 'chosen' : 'online'} point
          {targetCount === 1 ? '' : 's'}
        </span>
        <TargetPicker />
        {selected.length > 0 && (
          <button onMouseDown={keepFocus} onClick={clearTargets}>
            all online
          </button>
        )}
        <label>
          <input
            type="checkbox"
            checked={includeBusy}
            onChange={(event) => setIncludeBusy(event.target.checked)}
          />{' '}
          include points with listeners
        </label>
        <label title="send to one point first; the others only once it answers FINISHED">
          <input
            type="checkbox"
            checked={canary}
            onChange={(event) => setCanary(event.target.checked)}
            data-testid="canary"
          />{' '}
          canary
        </label>
        <select
          aria-label="editor mode"
          value={mode}
          onChange={(event) => setMode(event.target.value as 'code' | 'speak')}
        >
          <option value="code">code</option>
          <option value="speak">speak</option>
        </select>
      </div>
      {document && (
        <CodeEditor
          key={document.uuid}
          uuid={document.uuid}
          initialText={document.text}
          sessions={sessions}
          onEvaluate={(code) => void evaluate(api, store, code)}
          onStop={() => void stopAll(api, store)}
          onChange={(text) => saver.change(document.uuid, text)}
        />
      )}
    </section>
  )
}
