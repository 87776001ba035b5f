import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, toggleComment } from '@codemirror/commands'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { EditorState, Transaction } from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
} from '@codemirror/view'
import type { EditorSession } from './editor-sessions'
import { lineAt, regionToEvaluate } from './evaluation-region'
import { flashField, flashRegion } from './flash-evaluated'
import { recallSelection, rememberSelection } from './selection-memory'
import { supercollider, supercolliderHighlighting } from './supercollider-language'

/**
 * A document's first editor state: its text, the cursor where this browser last left it, and
 * the SuperCollider IDE's keys: Ctrl/Cmd+Enter evaluates the selection or the enclosing block or
 * line, Shift+Enter the line, Ctrl/Cmd+. stops everything.
 */
export function createDocumentState(
  uuid: string,
  text: string,
  handlers: EditorSession['handlers'],
): EditorState {
  const evaluate =
    (pick: (view: EditorView) => { from: number; to: number }) => (view: EditorView) => {
      const region = pick(view)
      const code = view.state.sliceDoc(region.from, region.to).trim()
      if (code === '') return true
      flashRegion(view, region.from, region.to)
      handlers.current.onEvaluate(code)
      return true
    }
  const selection = recallSelection(uuid, text.length)
  return EditorState.create({
    doc: text,
    ...(selection ? { selection } : {}),
    extensions: [
      keymap.of([
        {
          key: 'Mod-Enter',
          run: evaluate((v) => regionToEvaluate(v.state.doc.toString(), v.state.selection.main)),
        },
        {
          key: 'Shift-Enter',
          run: evaluate((v) => lineAt(v.state.doc.toString(), v.state.selection.main.head)),
        },
        { key: 'Mod-.', run: () => (handlers.current.onStop(), true), preventDefault: true },
        { key: 'Mod-/', run: toggleComment },
        ...closeBracketsKeymap,
        ...historyKeymap,
        ...defaultKeymap,
      ]),
      lineNumbers(),
      history(),
      // A steady cursor: a blinking one keeps the browser drawing frames, so every keystroke
      // waited for the next one (idle keydown-to-paint p95 21 ms blinking, 11.5 ms steady).
      drawSelection({ cursorBlinkRate: 0 }),
      highlightActiveLine(),
      // Long lines wrap: code stays in sight without scrolling sideways, and a keystroke at
      // the end of a long line no longer scrolls the editor (a scroll, a measure and a
      // hover hit test on every key).
      EditorView.lineWrapping,
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      supercollider,
      supercolliderHighlighting,
      flashField,
      EditorView.updateListener.of((update) => {
        // Text from another page is stored already: only the performer's own edits are saved.
        const remote = update.transactions.some((tr) => tr.annotation(Transaction.remote))
        if (update.docChanged && !remote) handlers.current.onChange(update.state.doc.toString())
        if (update.docChanged || update.selectionSet)
          rememberSelection(uuid, update.state.selection)
      }),
    ],
  })
}
