/** A span of the document to evaluate: [from, to) offsets. */
export interface Region {
  readonly from: number
  readonly to: number
}

/**
 * The top-level parenthesized blocks, as the SuperCollider IDE finds them: an opening bracket at
 * the start of a line and its matching closing one. Brackets inside strings, symbols, character
 * literals and comments do not count.
 */
export function topLevelBlocks(text: string): Region[] {
  const blocks: Region[] = []
  const stack: { char: string; at: number; lineStart: boolean }[] = []
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    const next = text[index + 1]
    if (char === '/' && next === '/') {
      index = skipUntil(text, index, '\n')
    } else if (char === '/' && next === '*') {
      index = skipBlockComment(text, index)
    } else if (char === '"' || char === "'") {
      index = skipQuoted(text, index, char)
    } else if (char === '$') {
      index += 2 // a character literal such as $( never opens anything
    } else if (char === '(' || char === '[' || char === '{') {
      stack.push({ char, at: index, lineStart: index === 0 || text[index - 1] === '\n' })
      index += 1
    } else if (char === ')' || char === ']' || char === '}') {
      const open = stack.pop()
      if (open && open.char === '(' && char === ')' && open.lineStart && stack.length === 0) {
        blocks.push({ from: open.at, to: index + 1 })
      }
      index += 1
    } else {
      index += 1
    }
  }
  return blocks
}

/** The line around `position`, without its line break. */
export function lineAt(text: string, position: number): Region {
  const from = text.lastIndexOf('\n', position - 1) + 1
  const end = text.indexOf('\n', position)
  return { from, to: end === -1 ? text.length : end }
}

/**
 * What Ctrl/Cmd+Enter evaluates: the selection, else the enclosing top-level block, else the
 * current line.
 */
export function regionToEvaluate(text: string, selection: Region): Region {
  if (selection.to > selection.from) return selection
  const cursor = selection.from
  const block = topLevelBlocks(text).find(
    (candidate) => candidate.from <= cursor && cursor <= candidate.to,
  )
  return block ?? lineAt(text, cursor)
}

function skipUntil(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from)
  return at === -1 ? text.length : at
}

function skipBlockComment(text: string, from: number): number {
  // sclang block comments nest.
  let depth = 0
  let index = from
  while (index < text.length) {
    if (text[index] === '/' && text[index + 1] === '*') {
      depth += 1
      index += 2
    } else if (text[index] === '*' && text[index + 1] === '/') {
      depth -= 1
      index += 2
      if (depth === 0) return index
    } else {
      index += 1
    }
  }
  return index
}

function skipQuoted(text: string, from: number, quote: string): number {
  let index = from + 1
  while (index < text.length && text[index] !== quote) index += text[index] === '\\' ? 2 : 1
  return index + 1
}
