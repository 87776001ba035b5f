/** C0 controls, DEL, C1 controls, and the Unicode controls that reorder or separate text. */
// Matching control characters is this regular expression's job.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from outside shown with its control characters visible: C0 and DEL as their symbols
 * from Unicode's Control Pictures block (ESC as `␛`, CR as `␍`, LF as `␊`), the others as
 * `\x9b` or `\u202e`. So a log line cannot hide a carriage return or an escape sequence, or
 * turn itself around. `keepLineBreaks` (the full view of one line) also breaks the line after
 * each `␊`.
 */
export function showControlCharacters(text: string, keepLineBreaks = false): string {
  return text.replace(controlCharacters, (char) => {
    const code = char.charCodeAt(0)
    if (code <= 0x1f) {
      const picture = String.fromCharCode(0x2400 + code)
      return keepLineBreaks && char === '\n' ? `${picture}\n` : picture
    }
    if (code === 0x7f) return '\u2421'
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
