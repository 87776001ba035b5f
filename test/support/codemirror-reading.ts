import type { Page } from 'playwright-core'

/** What a page's active editor holds, read from CodeMirror's own view of its `.cm-editor`. */
export interface EditorReading {
  readonly text: string
  readonly anchor: number
  readonly head: number
  /** Whether the editor has the keyboard focus. */
  readonly focused: boolean
}

/** Reads the page's editor through the view CodeMirror keeps on its content element. */
export async function readEditor(page: Page): Promise<EditorReading> {
  return page.evaluate(() => {
    // EditorView.findFromDOM reads this same property; the bundle does not export the class.
    type View = {
      state: {
        doc: { toString(): string }
        selection: { main: { anchor: number; head: number } }
      }
      hasFocus: boolean
    }
    const content = document.querySelector('.cm-content') as
      (Element & { cmTile?: { root?: { view?: View } } }) | null
    const view = content?.cmTile?.root?.view
    if (!view) throw new Error('no CodeMirror view on the page')
    return {
      text: view.state.doc.toString(),
      anchor: view.state.selection.main.anchor,
      head: view.state.selection.main.head,
      focused: view.hasFocus,
    }
  })
}
