import type { StreamInstructionRepository } from '../db/repositories/stream-instruction-repository.js'
import type { CoreEvents } from '../events/core-events.js'
import type { AcknowledgeMessage } from '../osc/message-schemas.js'
import { toIso, type Clock } from '../time/clock.js'
import type { InstanceTransport } from './instance-transport.js'
import type { LogService } from './log-service.js'
import {
  canAdvance,
  isTerminalState,
  type InstructionState,
  type StreamInstruction,
} from './stream-instruction.js'
import { logLevels } from './stream-log.js'
import type { StreamPoint } from './stream-point.js'

export interface InstructionTrackerOptions {
  readonly repository: StreamInstructionRepository
  readonly transport: InstanceTransport
  readonly events: CoreEvents
  readonly log: LogService
  readonly clock: Clock
  /** How long an instruction waits for its final answer. */
  readonly answerTimeoutMs: number
  /** The same for `manual_finish` instructions, which may legitimately run long. */
  readonly manualFinishTimeoutMs: number
  /** How often deadlines are checked. */
  readonly sweepIntervalMs?: number
}

/** An acknowledgement that reports on an instruction (a beacon's BEACON status does not). */
type InstructionAnswer = AcknowledgeMessage & { status: InstructionState }

interface PendingInstruction {
  /** The row as stored: acknowledgements apply to it without reading the database. */
  instruction: StreamInstruction
  readonly rowId: number
  readonly streamPoint: string
  readonly pointLabel: string
  readonly sentAtMonotonic: number
  readonly deadlineMs: number
}

/**
 * Sends instructions and follows each to its final answer. Every pending instruction sits in
 * one table keyed by uuid with a deadline; a missed deadline becomes the visible "no answer"
 * mark (`no_answer_date`), never a silent hang. A late answer still lands.
 */
export class InstructionTracker {
  private readonly pending = new Map<string, PendingInstruction>()
  private sweepTimer: NodeJS.Timeout | undefined

  constructor(private readonly options: InstructionTrackerOptions) {}

  /** Creates the instruction, puts it on the wire and starts its deadline. */
  send(point: StreamPoint, code: string, manualFinish = false): StreamInstruction {
    const { repository, clock, events } = this.options
    const { instruction: created, rowId } = repository.create({
      streamPoint: point.uuid,
      instructionText: code,
      manualFinish,
      nowIso: toIso(clock.now()),
    })
    events.emit('instruction-changed', created)
    const now = clock.now()
    const timeout = manualFinish ? this.options.manualFinishTimeoutMs : this.options.answerTimeoutMs
    const pending: PendingInstruction = {
      instruction: created,
      rowId,
      streamPoint: point.uuid,
      pointLabel: `${point.scName ?? 'instance'} (${point.host}:${point.port})`,
      sentAtMonotonic: clock.monotonic(),
      deadlineMs: now + timeout,
    }
    this.pending.set(created.uuid, pending)
    try {
      this.options.transport.sendInstruction(point, { uuid: created.uuid, code, manualFinish })
    } catch (error) {
      return this.failUnsent(created, error)
    }
    const sent = repository.markSent(created.uuid, toIso(now), toIso(now + timeout))
    if (sent) {
      pending.instruction = sent
      events.emit('instruction-changed', sent)
    }
    this.ensureSweeping()
    return sent ?? created
  }

  /** Applies an `/acknowledge`; repeats and out-of-order states never move an instruction back. */
  acknowledge(message: AcknowledgeMessage, senderHost: string): void {
    if (message.status === 'BEACON') return
    const ack = { ...message, status: message.status }
    const pending = this.pending.get(ack.uuid)
    if (pending) {
      this.applyToPending(pending, ack)
      return
    }
    // Not in flight: a repeat of a final answer, a late answer after "no answer", or junk.
    const { repository, clock, events } = this.options
    const current = repository.get(ack.uuid)
    if (!current) {
      this.options.log.write({
        origin: 'supercollider',
        level: logLevels.ERROR,
        name: 'osc_server',
        message: `acknowledgement ${ack.status} from ${senderHost} for unknown instruction ${ack.uuid}`,
      })
      return
    }
    if (!canAdvance(current.state, ack.status)) return
    const nowMs = clock.now()
    const nowIso = toIso(nowMs)
    const terminal = isTerminalState(ack.status)
    const updated = repository.updateState({
      uuid: ack.uuid,
      state: ack.status,
      nowIso,
      returnValue: ack.return_value,
      receivedDate: nowIso,
      finishedDate: terminal ? nowIso : null,
      // Only the stored wall-clock send time is left for a late answer.
      roundTripMs:
        terminal && current.sentDate !== null ? nowMs - Date.parse(current.sentDate) : null,
    })
    if (updated) events.emit('instruction-changed', updated)
  }

  private applyToPending(pending: PendingInstruction, ack: InstructionAnswer): void {
    const current = pending.instruction
    if (!canAdvance(current.state, ack.status)) return
    const nowIso = toIso(this.options.clock.now())
    const terminal = isTerminalState(ack.status)
    const updated: StreamInstruction = {
      ...current,
      state: ack.status,
      modifiedDate: nowIso,
      returnValue: ack.return_value ?? current.returnValue,
      receivedDate: current.receivedDate ?? nowIso,
      finishedDate: terminal ? nowIso : current.finishedDate,
      roundTripMs: terminal
        ? this.options.clock.monotonic() - pending.sentAtMonotonic
        : current.roundTripMs,
    }
    this.options.repository.writeAnswer(pending.rowId, updated)
    if (terminal) this.pending.delete(current.uuid)
    else pending.instruction = updated
    this.options.events.emit('instruction-changed', updated)
  }

  get(uuid: string): StreamInstruction | undefined {
    return this.options.repository.get(uuid)
  }

  /** Each code text sent, newest first: the editor's searchable history. */
  history(
    text: string | undefined,
    limit = 100,
  ): { code: string; lastSent: string; times: number }[] {
    return this.options.repository.history(text, limit)
  }

  /** Newest first, optionally for one point. */
  listRecent(limit: number, streamPoint?: string): StreamInstruction[] {
    return this.options.repository.listRecent(limit, streamPoint)
  }

  /** Marks every pending instruction of a point "no answer" at once (the point went offline). */
  abandonPointInstructions(streamPoint: string): void {
    for (const [uuid, pending] of this.pending) {
      if (pending.streamPoint === streamPoint) this.markNoAnswer(uuid, pending, 'went offline')
    }
  }

  /** How many instructions still wait for a final answer. */
  pendingCount(): number {
    return this.pending.size
  }

  close(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    this.sweepTimer = undefined
  }

  /** The instruction never left: it fails at once with the reason as its return value. */
  private failUnsent(created: StreamInstruction, error: unknown): StreamInstruction {
    this.pending.delete(created.uuid)
    const reason = `not sent: ${error instanceof Error ? error.message : String(error)}`
    const failed = this.options.repository.updateState({
      uuid: created.uuid,
      state: 'FAILURE',
      nowIso: toIso(this.options.clock.now()),
      returnValue: reason,
      finishedDate: toIso(this.options.clock.now()),
    })
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.ERROR,
      name: 'instructions',
      streamPoint: created.streamPoint,
      message: `instruction ${created.uuid} ${reason}`,
    })
    if (failed) this.options.events.emit('instruction-changed', failed)
    return failed ?? created
  }

  private ensureSweeping(): void {
    if (this.sweepTimer) return
    this.sweepTimer = setInterval(() => this.sweep(), this.options.sweepIntervalMs ?? 100)
    this.sweepTimer.unref()
  }

  private sweep(): void {
    const now = this.options.clock.now()
    for (const [uuid, pending] of this.pending) {
      if (pending.deadlineMs <= now) this.markNoAnswer(uuid, pending, 'timed out')
    }
    if (this.pending.size === 0) this.close()
  }

  private markNoAnswer(uuid: string, pending: PendingInstruction, why: string): void {
    this.pending.delete(uuid)
    const marked = this.options.repository.markNoAnswer(uuid, toIso(this.options.clock.now()))
    if (!marked) return
    this.options.events.emit('instruction-changed', marked)
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.WARNING,
      name: 'instructions',
      streamPoint: pending.streamPoint,
      message: `no answer from ${pending.pointLabel} for instruction ${uuid} (${why}; last state ${marked.state})`,
    })
  }
}
