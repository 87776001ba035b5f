/**
 * Text to find as a substring with `LIKE '%' || ? || '%' ESCAPE '\'`: its own % and _ are
 * matched literally. Empty or absent text gives null, which the statements read as "no filter".
 */
export function likeSubstring(text: string | undefined): string | null {
  if (text === undefined || text === '') return null
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}
