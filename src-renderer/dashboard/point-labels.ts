import type { PointStreams, InstructionView } from '../../src-main/contract'
import { outcomeOf } from '../state/instruction-outcome'

/** The last instruction's state as the dashboard words it; "no answer" once its deadline passed. */
export function instructionLabel(instruction: InstructionView | undefined): string {
  if (!instruction) return ''
  return outcomeOf(instruction) === 'no answer' ? 'no answer' : instruction.state.toLowerCase()
}

/** Empty while nobody listens: a free point shows nothing. */
export function streamsLabel(streams: PointStreams | undefined): string {
  if (!streams || streams.listeners === 0) return ''
  const noun = streams.streams === 1 ? 'stream' : 'streams'
  return `${streams.streams} ${noun} · ${streams.listeners} listening`
}
