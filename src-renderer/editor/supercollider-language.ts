import {
  HighlightStyle,
  StreamLanguage,
  syntaxHighlighting,
  type StringStream,
} from '@codemirror/language'
import { tags } from '@lezer/highlight'

interface TokenizerState {
  /** Depth of nested block comments we are inside. */
  commentDepth: number
}

const keywords = new Set([
  'var',
  'arg',
  'classvar',
  'const',
  'this',
  'super',
  'thisProcess',
  'thisThread',
  'thisFunction',
  'thisMethod',
  'currentEnvironment',
  'topEnvironment',
  'inf',
])
const atoms = new Set(['nil', 'true', 'false'])

function blockComment(stream: StringStream, state: TokenizerState): string {
  while (!stream.eol()) {
    if (stream.match('/*')) state.commentDepth += 1
    else if (stream.match('*/')) state.commentDepth -= 1
    else stream.next()
    if (state.commentDepth === 0) break
  }
  return 'comment'
}

/** sclang for CodeMirror: comments (nesting), strings, symbols, characters, numbers, classes. */
export const supercollider = StreamLanguage.define<TokenizerState>({
  name: 'supercollider',
  startState: () => ({ commentDepth: 0 }),
  token(stream, state) {
    if (state.commentDepth > 0) return blockComment(stream, state)
    if (stream.eatSpace()) return null
    if (stream.match('//')) {
      stream.skipToEnd()
      return 'comment'
    }
    if (stream.match('/*')) {
      state.commentDepth = 1
      return blockComment(stream, state)
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string'
    if (stream.match(/^'(?:[^'\\]|\\.)*'?/) || stream.match(/^\\\w+/)) return 'atom'
    if (stream.match(/^\$\\?./)) return 'string.special'
    if (stream.match(/^-?(?:\d+r[\dA-Za-z.]+|\d+(?:\.\d+)?(?:e[-+]?\d+)?(?:pi)?|pi)\b/))
      return 'number'
    if (stream.match(/^~\w+/)) return 'variableName.special'
    if (stream.match(/^_\w+/)) return 'meta'
    if (stream.match(/^[A-Z]\w*/)) return 'typeName'
    const word = stream.match(/^[a-z]\w*/) as RegExpMatchArray | null
    if (word) {
      if (keywords.has(word[0])) return 'keyword'
      if (atoms.has(word[0])) return 'atom'
      return stream.peek() === ':' ? 'propertyName' : 'variableName'
    }
    stream.next()
    return null
  },
  languageData: {
    commentTokens: { line: '//', block: { open: '/*', close: '*/' } },
    closeBrackets: { brackets: ['(', '[', '{', '"', "'"] },
  },
})

/** Colours close to the SuperCollider IDE's defaults, on a dark stage-friendly background. */
export const supercolliderHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.comment, color: '#7a8a7a', fontStyle: 'italic' },
    { tag: tags.string, color: '#9fd86f' },
    { tag: tags.special(tags.string), color: '#e8b36b' },
    { tag: tags.atom, color: '#d99cf0' },
    { tag: tags.number, color: '#f5a97f' },
    { tag: tags.keyword, color: '#f0c674', fontWeight: 'bold' },
    { tag: tags.typeName, color: '#7fb4ff' },
    { tag: tags.special(tags.variableName), color: '#ff9ec7' },
    { tag: tags.meta, color: '#a0a0a0' },
  ]),
)
