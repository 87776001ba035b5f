import type { StreamRepository } from '../db/repositories/stream-repository.js'
import type { StreamVariableRepository } from '../db/repositories/stream-variable-repository.js'
import type { StorageWriter } from '../db/storage-writer.js'
import type { DomainModule } from '../dispatch/contract-handlers.js'
import { instructionView } from '../dispatch/wire-events.js'
import type { CoreEvents } from '../events/core-events.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import type { Clock } from '../time/clock.js'
import { StreamService } from './stream-service.js'
import { StreamVariableService } from './stream-variable-service.js'

export interface StreamsModule extends DomainModule<'listStreams' | 'setVariable'> {
  readonly streams: StreamService
  readonly variables: StreamVariableService
}

/** Streams (a point assigned to listeners) and their variables. */
export function setupStreams(options: {
  readonly writer: StorageWriter
  readonly streamRepository: StreamRepository
  readonly variableRepository: StreamVariableRepository
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly events: CoreEvents
  readonly clock: Clock
}): StreamsModule {
  const { points, clock } = options
  const streams = new StreamService({
    writer: options.writer,
    repository: options.streamRepository,
    points,
    events: options.events,
    clock,
  })
  const variables = new StreamVariableService({
    repository: options.variableRepository,
    streams,
    points,
    tracker: options.tracker,
    clock,
  })
  return {
    streams,
    variables,
    handlers: {
      listStreams: () =>
        streams
          .listActive()
          .map((stream) => ({ stream, variables: variables.listForStream(stream.uuid) })),
      setVariable: (input) => {
        const { variable, instruction } = variables.set(input)
        return { variable, instruction: instruction && instructionView(instruction) }
      },
    },
    close: () => {},
  }
}
