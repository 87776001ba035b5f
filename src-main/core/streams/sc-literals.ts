/** A number as SuperCollider reads it: optional sign, digits, optional fraction and exponent. */
const plainNumber = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?$/i

/**
 * A SuperCollider string literal for any text. Inside a sclang string only the backslash
 * escapes, so escaping backslash and double quote leaves no way out of the literal.
 */
export function scStringLiteral(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/**
 * A StreamVariable's value as sclang code: a plain finite number goes as a number, anything
 * else as an escaped string, so a value can never inject code.
 */
export function scValueLiteral(value: string): string {
  const trimmed = value.trim()
  if (plainNumber.test(trimmed) && Number.isFinite(Number(trimmed))) {
    // SuperCollider reads neither ".5" nor "5." nor an exponent without a mantissa digit
    // everywhere; JavaScript's own rendering of the number is always valid sclang.
    return String(Number(trimmed))
  }
  return scStringLiteral(value)
}

/**
 * The code that makes a variable an Ndef on the instance. No braces around the value:
 * `{value}` clicks on every update (seed: StreamVariable.send_to_sc).
 */
export function ndefCode(key: string, value: string): string {
  return `Ndef(${scStringLiteral(key)}.asSymbol, ${scValueLiteral(value)});`
}
