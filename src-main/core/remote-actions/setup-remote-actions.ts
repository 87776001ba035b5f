import type { DomainModule } from '../dispatch/contract-handlers.js'
import { instructionView } from '../dispatch/wire-events.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { LogService } from '../logs/log-service.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import { RemoteActionService } from './remote-action-service.js'

export interface RemoteActionsModule extends DomainModule<'speak'> {
  readonly remoteActions: RemoteActionService
}

/** The seed's remote actions (code, speak), from OSC behind the password or the control room. */
export function setupRemoteActions(options: {
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly log: LogService
}): RemoteActionsModule {
  const remoteActions = new RemoteActionService(options)
  return {
    remoteActions,
    handlers: {
      speak: async ({ text }) => {
        // Refused with its reason until speech is configured (RemoteActionService says why).
        const result = await remoteActions.perform(
          { action: 'speak', cmd: text },
          'the control room',
        )
        if (!result.ok) throw new Error(result.reason)
        return { instructions: result.instructions.map(instructionView) }
      },
    },
    close: () => {},
  }
}
