const numberFormat = new Intl.NumberFormat('en-US')

/**
 * `text` cut to at most `maxChars` characters, saying how long it was ("… (65,432 bytes)"),
 * so one oversized message from outside cannot become a row of any size.
 */
export function clipText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  // Never cut a surrogate pair in half: the stored text stays valid UTF-16.
  const last = text.charCodeAt(maxChars - 1)
  const end = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars
  return `${text.slice(0, end)}… (${numberFormat.format(Buffer.byteLength(text, 'utf8'))} bytes)`
}
