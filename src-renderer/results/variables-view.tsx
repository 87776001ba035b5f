import type { Stream, StreamVariable } from '../../src-main/contract'
import { useCallback, useEffect, useState } from 'react'
import { useApi } from '../state/store-context'
import { PointName } from '../logs/visible-text'
import { usePointName } from '../state/use-point-name'

interface StreamWithVariables {
  readonly stream: Stream
  readonly variables: StreamVariable[]
}

/** One variable: edit its value, then store it, or store it and send it as an Ndef. */
function VariableRow({
  variable,
  onSave,
}: {
  variable: StreamVariable
  onSave: (value: string, toSc: boolean) => void
}) {
  const [value, setValue] = useState(variable.value)
  // eslint-disable-next-line react-hooks/set-state-in-effect -- the field follows a new value from the instance; one extra render per change (issue 10 reworks renderer state)
  useEffect(() => setValue(variable.value), [variable.value])
  return (
    <li data-testid="variable">
      <span className="mono">{variable.key}</span>
      <input
        value={value}
        onChange={(event) => setValue(event.target.value)}
        aria-label={`value of ${variable.key}`}
      />
      <button onClick={() => onSave(value, false)}>save</button>
      <button onClick={() => onSave(value, true)} title={`Ndef("${variable.key}".asSymbol, value)`}>
        send to SC
      </button>
    </li>
  )
}

/** The StreamVariables of each stream that has listeners. */
export function VariablesView() {
  const { api } = useApi()
  const pointName = usePointName()
  const [streams, setStreams] = useState<StreamWithVariables[]>([])
  const [error, setError] = useState<string | undefined>()
  const [saveError, setSaveError] = useState<string | undefined>()
  const refresh = useCallback(() => {
    void api.request('listStreams', {}).then((result) => {
      // A failure shows until a look succeeds again (a reconnect, say).
      setError(result.ok ? undefined : result.error)
      if (result.ok) setStreams(result.value)
    })
  }, [api])
  useEffect(() => {
    refresh()
    // Listeners answer through variables at any time: look again every few seconds.
    const timer = setInterval(refresh, 3000)
    return () => clearInterval(timer)
  }, [refresh])
  const save = (variable: StreamVariable, value: string, streamToSc: boolean) =>
    void api
      .request('setVariable', { stream: variable.stream, key: variable.key, value, streamToSc })
      .then((result) => {
        setSaveError(result.ok ? undefined : `${variable.key} not stored: ${result.error}`)
        if (result.ok) refresh()
      })
  return (
    <div className="variables table-scroll">
      {error && <div className="cell failure">{error}</div>}
      {saveError && <div className="cell failure">{saveError}</div>}
      {streams.length === 0 && <p className="muted">No stream has listeners now.</p>}
      {streams.map(({ stream, variables }) => (
        <section key={stream.uuid} className="stream-variables">
          <h3>
            <PointName name={pointName(stream.streamPoint)} />{' '}
            <span className="muted">{stream.numListeners} listening</span>
          </h3>
          <ul>
            {variables.map((variable) => (
              <VariableRow
                key={variable.uuid}
                variable={variable}
                onSave={(value, toSc) => save(variable, value, toSc)}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
