import { showControlCharacters, splitControlCharacters } from './visible-control-characters'

/**
 * Text from outside with its control characters visible (styled escapes, named on hover);
 * `full` (an opened log line) also breaks the line at each LF.
 */
export function VisibleText({ text, full }: { readonly text: string; readonly full: boolean }) {
  return splitControlCharacters(text).map((piece, index) =>
    'text' in piece ? (
      piece.text
    ) : (
      <span key={index} className="control-character" title={piece.name}>
        {piece.control}
        {full && piece.lineBreak && '\n'}
      </span>
    ),
  )
}

/**
 * A point's name as its beacon gave it: control characters shown as escapes, isolated from the
 * text around it (`<bdi>`: a right-to-left name cannot turn the host:port beside it around), and
 * cut short with an ellipsis (CSS `.point-name-text`), the whole name on hover.
 */
export function PointName({ name }: { readonly name: string }) {
  return (
    <bdi className="point-name-text" title={showControlCharacters(name)}>
      <VisibleText text={name} full={false} />
    </bdi>
  )
}
