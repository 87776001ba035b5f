import type { InstructionView } from '../../src-main/contract'
import { outcomeOf } from '../state/instruction-outcome'

export type CellKind = 'none' | 'pending' | 'finished' | 'failure' | 'no-answer'

/** What one target's cell says: its state or return value, and the error text of a failure. */
export interface CellText {
  readonly label: string
  readonly detail: string
  readonly kind: CellKind
}

export function cellText(instruction: InstructionView | undefined): CellText {
  const outcome = outcomeOf(instruction)
  if (!instruction) return { label: '', detail: '', kind: 'none' }
  if (outcome === 'no answer') return { label: 'no answer', detail: '', kind: 'no-answer' }
  if (outcome === 'failure')
    return { label: 'failure', detail: instruction.returnValue ?? '', kind: 'failure' }
  if (outcome === 'finished')
    return { label: instruction.returnValue ?? 'finished', detail: '', kind: 'finished' }
  return { label: instruction.state.toLowerCase(), detail: '', kind: 'pending' }
}

/** Rows with more targets than this show a summary and the cells that need a look first. */
export const cellsShownAtFirst = 24

const attentionOrder: Record<CellKind, number> = {
  failure: 0,
  'no-answer': 1,
  pending: 2,
  none: 3,
  finished: 4,
}

/**
 * The cells a big row shows before "show all": failures, then no answers, then what is still
 * on its way, then finished ones, each group in target order. A thousand cells per row had
 * made every evaluation a main-thread task of 50-120 ms, and the page grew 3,000 elements a row.
 */
export function cellsNeedingAttentionFirst<Cell extends { readonly kind: CellKind }>(
  cells: readonly Cell[],
  limit = cellsShownAtFirst,
): Cell[] {
  // Array.prototype.sort is stable: equal kinds keep the targets' order.
  return [...cells].sort((a, b) => attentionOrder[a.kind] - attentionOrder[b.kind]).slice(0, limit)
}

/** "998 finished · 2 failure": how a row stands, in the order that needs attention. */
export function summarizeCells(cells: readonly { readonly kind: CellKind }[]): string {
  const counts = new Map<CellKind, number>()
  for (const cell of cells) counts.set(cell.kind, (counts.get(cell.kind) ?? 0) + 1)
  const label: Record<CellKind, string> = {
    failure: 'failure',
    'no-answer': 'no answer',
    pending: 'on the way',
    none: 'unknown',
    finished: 'finished',
  }
  return (Object.keys(attentionOrder) as CellKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} ${label[kind]}`)
    .join(' · ')
}
