import type { PointStreams, StreamInstruction } from '../../src-main/core/contract/contract'

/** The last instruction's state as the dashboard words it; "no answer" once its deadline passed. */
export function instructionLabel(instruction: StreamInstruction | undefined): string {
  if (!instruction) return ''
  if (instruction.noAnswerDate && !['FINISHED', 'SUCCESS', 'FAILURE'].includes(instruction.state))
    return 'no answer'
  return instruction.state.toLowerCase()
}

/** Empty while nobody listens: a free point shows nothing. */
export function streamsLabel(streams: PointStreams | undefined): string {
  if (!streams || streams.listeners === 0) return ''
  const noun = streams.streams === 1 ? 'stream' : 'streams'
  return `${streams.streams} ${noun} · ${streams.listeners} listening`
}
