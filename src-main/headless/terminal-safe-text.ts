/**
 * C0 controls (tab, CR and LF included), DEL, C1 controls, and the Unicode controls that
 * reorder or separate text: what lets a line from outside move the cursor, clear the screen,
 * overwrite itself or forge a line of its own in a terminal.
 */
// Matching control characters is this regular expression's job.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Text from outside (OSC addresses, instances' `/log` lines) made safe to print: every control
 * character becomes a visible escape (`\x1b`, `\r`, `\u202e`), so what reaches the terminal is
 * one line that draws only itself. Backslashes stay as they are (SuperCollider code has many).
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(controlCharacters, (char) => {
    const shortName = named[char]
    if (shortName !== undefined) return shortName
    const code = char.charCodeAt(0)
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}
