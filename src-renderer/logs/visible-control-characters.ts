// Matching control characters is this regular expression's job.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

const c0Names = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR',
  'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC',
  'FS', 'GS', 'RS', 'US',
] // prettier-ignore
const shortForms: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** A piece of a line from outside: plain text, or one control character made visible. */
export type TextPiece =
  | { readonly text: string }
  | { readonly control: string; readonly name: string; readonly lineBreak: boolean }

function nameOf(code: number): string {
  if (code <= 0x1f) return c0Names[code] ?? 'control'
  if (code === 0x7f) return 'DEL'
  if (code <= 0x9f) return 'C1 control'
  if (code === 0x2028 || code === 0x2029) return 'line separator'
  return 'bidi control'
}

/**
 * Splits text from outside into plain pieces and its control characters (C0, DEL, C1, and the
 * Unicode controls that separate or reorder text), each shown as an escape (`\x1b`, `\r`,
 * `\u202e`) with its name. So a log line cannot hide a carriage return or an escape sequence,
 * or turn itself around. An LF is marked `lineBreak`, for the full view to break there too.
 * Pure: no DOM, no Node.
 */
export function splitControlCharacters(text: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let rest = text
  for (let match = controlCharacter.exec(rest); match; match = controlCharacter.exec(rest)) {
    if (match.index > 0) pieces.push({ text: rest.slice(0, match.index) })
    const char = match[0]
    const code = char.charCodeAt(0)
    const control =
      shortForms[char] ??
      (code <= 0xff
        ? `\\x${code.toString(16).padStart(2, '0')}`
        : `\\u${code.toString(16).padStart(4, '0')}`)
    pieces.push({ control, name: nameOf(code), lineBreak: char === '\n' })
    rest = rest.slice(match.index + 1)
  }
  if (rest !== '') pieces.push({ text: rest })
  return pieces
}

/** The same as one string (for a tooltip): every control character as its escape. */
export function showControlCharacters(text: string): string {
  return splitControlCharacters(text)
    .map((piece) => ('text' in piece ? piece.text : piece.control))
    .join('')
}

/**
 * A name from outside for plain text that has no markup to mark or cut it with (an `<option>`,
 * a note): its control characters as escapes, and at most `length` characters.
 */
export function shortVisibleName(name: string, length = 40): string {
  const shown = showControlCharacters(name)
  return shown.length > length ? `${shown.slice(0, length - 1)}…` : shown
}
