/** A span of the document to evaluate: [from, to) offsets. */
export interface Region {
  readonly from: number
  readonly to: number
}

const closing: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' }

/**
 * The block that opens with the `(` at `open` and ends with its matching `)`, or undefined when
 * the brackets from there on do not balance (a mismatched closer, or the end of the text).
 * Only the text from `open` on is read, so broken text before it cannot change the answer.
 * Brackets inside strings, symbols, character literals and comments do not count.
 */
export function blockFrom(text: string, open: number): Region | undefined {
  if (text[open] !== '(') return undefined
  const expected: string[] = []
  let index = open
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
      expected.push(closing[char]!)
      index += 1
    } else if (char === ')' || char === ']' || char === '}') {
      if (expected.pop() !== char) return undefined
      index += 1
      if (expected.length === 0) return { from: open, to: index }
    } else {
      index += 1
    }
  }
  return undefined
}

/**
 * The block around `cursor`, as the SuperCollider IDE's "evaluate region" finds it: the nearest
 * enclosing `(`...`)` pair whose `(` starts a line (column 0). The lines are tried outward from
 * the cursor's, and each candidate is judged only by the balance of its own text, so a
 * half-typed line or an unclosed string elsewhere in the document cannot shift it.
 */
export function enclosingBlock(text: string, cursor: number): Region | undefined {
  let lineStart = startOfLine(text, cursor)
  for (;;) {
    if (text[lineStart] === '(') {
      const block = blockFrom(text, lineStart)
      if (block && cursor <= block.to) return block
    }
    if (lineStart === 0) return undefined
    lineStart = startOfLine(text, lineStart - 1)
  }
}

/** The line around `position`, without its line break. */
export function lineAt(text: string, position: number): Region {
  const from = startOfLine(text, position)
  const end = text.indexOf('\n', position)
  return { from, to: end === -1 ? text.length : end }
}

/**
 * What Ctrl/Cmd+Enter evaluates: the selection, else the enclosing top-level block, else the
 * current line.
 */
export function regionToEvaluate(text: string, selection: Region): Region {
  if (selection.to > selection.from) return selection
  return enclosingBlock(text, selection.from) ?? lineAt(text, selection.from)
}

/** Where the line holding `position` starts (a line break belongs to the line it ends). */
function startOfLine(text: string, position: number): number {
  // lastIndexOf clamps a negative start to 0, where it would find a break at offset 0.
  return position === 0 ? 0 : text.lastIndexOf('\n', position - 1) + 1
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
