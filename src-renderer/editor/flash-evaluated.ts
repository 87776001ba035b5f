import { StateEffect, StateField } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

const flash = StateEffect.define<{ from: number; to: number } | null>()
const flashMark = Decoration.mark({ class: 'cm-evaluated-flash' })

/** Marks the text just evaluated for a moment, as the SuperCollider IDE does. */
export const flashField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(flash)) {
        return effect.value && effect.value.to > effect.value.from
          ? Decoration.set([flashMark.range(effect.value.from, effect.value.to)])
          : Decoration.none
      }
    }
    return decorations.map(transaction.changes)
  },
  provide: (field) => EditorView.decorations.from(field),
})

export function flashRegion(view: EditorView, from: number, to: number): void {
  view.dispatch({ effects: flash.of({ from, to }) })
  setTimeout(() => view.dispatch({ effects: flash.of(null) }), 350)
}
