import { logLevelName, type StreamLogEntry } from '../../src-main/contract'
import { useState } from 'react'
import { useVisibleRows } from '../windowing/use-visible-rows'
import { showControlCharacters } from './visible-control-characters'
import { VisibleText } from './visible-text'

/** Fixed height of one log line (CSS `.log-line`): what lets the list render only what shows. */
const lineHeight = 16

/** One line's text; names and messages come from outside, so their controls are shown. */
function LogLineText({
  entry,
  full = false,
}: {
  readonly entry: StreamLogEntry
  readonly full?: boolean
}) {
  return (
    <>
      <span className="muted">{entry.createdDate.slice(11, 23)}</span>{' '}
      <span className="log-level">{logLevelName(entry.level)}</span>{' '}
      <span className="muted">
        <VisibleText text={entry.name ?? entry.origin} full={false} />
      </span>{' '}
      <VisibleText text={entry.message} full={full} />
    </>
  )
}

/**
 * The tail, newest first, one line each. Only the lines in view are in the DOM: at 200 lines a
 * second, painting hundreds of hidden lines every frame delayed the editor's keystrokes. A
 * click shows a line in full below the list.
 */
export function LogLines({ lines }: { readonly lines: readonly StreamLogEntry[] }) {
  const { scroller, first, last, onScroll } = useVisibleRows<HTMLOListElement>(
    lines.length,
    lineHeight,
  )
  const [opened, setOpened] = useState<StreamLogEntry | undefined>(undefined)
  return (
    <>
      <ol className="log-lines" data-testid="log-lines" ref={scroller} onScroll={onScroll}>
        {first > 0 && <li style={{ height: first * lineHeight }} aria-hidden />}
        {lines.slice(first, last).map((entry) => (
          <li
            key={entry.uuid}
            className={`log-line level-${entry.level}`}
            data-testid="log-line"
            title={showControlCharacters(entry.message)}
            onClick={() => setOpened(opened?.uuid === entry.uuid ? undefined : entry)}
          >
            <LogLineText entry={entry} />
          </li>
        ))}
        {last < lines.length && (
          <li style={{ height: (lines.length - last) * lineHeight }} aria-hidden />
        )}
      </ol>
      {opened && (
        <p
          className={`log-detail level-${opened.level}`}
          data-testid="log-detail"
          onClick={() => setOpened(undefined)}
        >
          <LogLineText entry={opened} full />
        </p>
      )}
    </>
  )
}
