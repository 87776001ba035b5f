import type { RequestResults } from '../../src-main/contract'
import { useEffect, useState } from 'react'
import { useApi } from '../state/store-context'

type RemotePasswordInfo = RequestResults['remotePassword']

/** A shown password hides itself again after this long: screens get projected. */
const showForMs = 30_000

function whereFrom(info: RemotePasswordInfo): string {
  if (info.file !== undefined) return `kept in ${info.file}`
  return `set by ${info.source === 'flag' ? '--password' : `the ${info.source}`}`
}

/**
 * The remote-action password in the header: dots until "show" is clicked (asked of the core
 * only then, so it is not in the page before), hidden again on a click or after 30 s; "copy"
 * puts it on the clipboard without showing it.
 */
export function RemotePassword() {
  const { api } = useApi()
  const [shown, setShown] = useState<RemotePasswordInfo | undefined>(undefined)
  const [note, setNote] = useState('')

  useEffect(() => {
    if (!shown) return
    const timer = setTimeout(() => setShown(undefined), showForMs)
    return () => clearTimeout(timer)
  }, [shown])

  const fetchPassword = async (): Promise<RemotePasswordInfo | undefined> => {
    const answer = await api.request('remotePassword', {})
    if (answer.ok) return answer.value
    setNote(answer.error)
    return undefined
  }
  const toggle = async (): Promise<void> => {
    if (shown) return setShown(undefined)
    const info = await fetchPassword()
    if (info) {
      setShown(info)
      setNote('')
    }
  }
  const copy = async (): Promise<void> => {
    const info = await fetchPassword()
    if (!info) return
    // The clipboard needs a secure context: a page opened over plain http on a tablet has none.
    if (!navigator.clipboard) return setNote('no clipboard here: show it and copy it by hand')
    try {
      await navigator.clipboard.writeText(info.password)
      setNote('copied')
    } catch {
      setNote('the browser refused the clipboard: show it and copy it by hand')
    }
  }

  return (
    <span className="remote-password" data-testid="remote-password">
      <span className="muted">remote password:</span>{' '}
      {shown ? (
        <code
          data-testid="remote-password-value"
          title={`${whereFrom(shown)}; click to hide`}
          onClick={() => setShown(undefined)}
        >
          {shown.password}
        </code>
      ) : (
        <span aria-label="hidden">••••••</span>
      )}{' '}
      <button data-testid="remote-password-show" onClick={() => void toggle()}>
        {shown ? 'hide' : 'show'}
      </button>{' '}
      <button data-testid="remote-password-copy" onClick={() => void copy()}>
        copy
      </button>
      {note && <span className="muted"> {note}</span>}
    </span>
  )
}
