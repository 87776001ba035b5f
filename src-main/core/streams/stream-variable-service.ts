import type { StreamVariable } from '../../contract/index.js'
import type { StreamVariableRepository } from '../db/repositories/stream-variable-repository.js'
import { toIso, type Clock } from '../time/clock.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import { ndefCode } from './sc-literals.js'
import type { StreamInstruction } from '../instructions/stream-instruction.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import { UnknownStreamError, type StreamService } from './stream-service.js'

export interface StreamVariableServiceOptions {
  readonly repository: StreamVariableRepository
  readonly streams: StreamService
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly clock: Clock
}

/** StreamVariables: stored per stream; with `stream_to_sc`, also made an Ndef on the instance. */
export class StreamVariableService {
  constructor(private readonly options: StreamVariableServiceOptions) {}

  set(input: { stream: string; key: string; value: string; streamToSc: boolean }): {
    variable: StreamVariable
    instruction: StreamInstruction | undefined
  } {
    const stream = this.options.streams.get(input.stream)
    if (!stream) throw new UnknownStreamError(`no stream ${input.stream}`)
    const variable = this.options.repository.set({
      ...input,
      nowIso: toIso(this.options.clock.now()),
    })
    if (!input.streamToSc) return { variable, instruction: undefined }
    return { variable, instruction: this.sendToSc(variable, stream.streamPoint) }
  }

  /** Sends `Ndef("<key>".asSymbol, <value>);` to the stream's instance. */
  sendToSc(variable: StreamVariable, streamPoint: string): StreamInstruction | undefined {
    const point = this.options.points.get(streamPoint)
    if (!point) return undefined
    return this.options.tracker.send(point, ndefCode(variable.key, variable.value))
  }

  listForStream(stream: string): StreamVariable[] {
    return this.options.repository.listForStream(stream)
  }
}
