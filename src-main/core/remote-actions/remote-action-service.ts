import { logLevels } from '../../contract/index.js'
import type { InstructionTracker } from '../instructions/instruction-tracker.js'
import type { LogService } from '../logs/log-service.js'
import type { StreamInstruction } from '../instructions/stream-instruction.js'
import type { StreamPointService } from '../points/stream-point-service.js'
import { selectTargets } from './target-matcher.js'

/** A remote action from `/remote/action` or the UI, already authenticated and validated. */
export interface RemoteAction {
  readonly action: 'code' | 'speak'
  readonly cmd: string
  /** Matches `janus_out_room`, `sc_name` or uuid; absent: every point. */
  readonly target?: string | undefined
  /** Include points that have listeners; off unless asked for explicitly. */
  readonly includeBusy?: boolean | undefined
  readonly manualFinish?: boolean | undefined
}

export type RemoteActionResult =
  | { readonly ok: true; readonly instructions: StreamInstruction[] }
  | { readonly ok: false; readonly reason: string }

export interface RemoteActionServiceOptions {
  readonly points: StreamPointService
  readonly tracker: InstructionTracker
  readonly log: LogService
}

/** Carries out remote actions on the matching StreamPoints. */
export class RemoteActionService {
  constructor(private readonly options: RemoteActionServiceOptions) {}

  /**
   * `source` says who asked (an address, "ui"), for the log. Resolves once every target has its
   * instruction; a large fan-out is written in slices (see `InstructionTracker.sendToMany`).
   */
  async perform(action: RemoteAction, source: string): Promise<RemoteActionResult> {
    if (action.action === 'speak') {
      // Speech arrives with its own issue; until then the performer is told plainly.
      return this.refuse(`speak from ${source} refused: speech not configured`)
    }
    const candidates = action.includeBusy
      ? this.options.points.listOnline()
      : this.options.points.listFree()
    const targets = selectTargets(candidates, action.target)
    if (targets.length === 0) {
      const which = action.target === undefined ? '' : ` matching target "${action.target}"`
      return this.refuse(
        `code from ${source} reached nobody: no ${action.includeBusy ? 'online' : 'free'} StreamPoint${which}`,
      )
    }
    const instructions = await this.options.tracker.sendToMany(
      targets,
      action.cmd,
      action.manualFinish ?? false,
    )
    return { ok: true, instructions }
  }

  private refuse(reason: string): RemoteActionResult {
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.ERROR,
      name: 'remote_action',
      message: reason,
    })
    return { ok: false, reason }
  }
}
