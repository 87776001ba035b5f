import { PendingTable, type PendingEntry } from '../../common/pending-table.js'
import { logLevels, type StreamPoint, type HistoryEntry } from '../../contract/index.js'
import type { StreamInstructionRepository } from '../db/repositories/stream-instruction-repository.js'
import type { CoreEvents } from '../events/core-events.js'
import type { AcknowledgeMessage } from '../osc/message-schemas.js'
import { toIso, type Clock } from '../time/clock.js'
import type { InstanceTransport } from './instance-transport.js'
import type { LogService } from '../logs/log-service.js'
import {
  canAdvance,
  isTerminalState,
  withAnswer,
  type InstructionAnswer,
  type StreamInstruction,
} from './stream-instruction.js'

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
  /** Runs a fan-out slice's writes in one database transaction (the storage writer's batch). */
  readonly inTransaction: (work: () => void) => void
  /** The stored point of a uuid: instructions recovered at start name it as live ones do. */
  readonly findPoint: (uuid: string) => StreamPoint | undefined
}

/**
 * About how much code one slice of a fan-out writes before the event loop gets a turn: 60,000
 * characters to 4,600 points (276 MB of rows) once held OSC and every page for seconds.
 */
const fanOutSliceBytes = 2 * 1024 * 1024
const fanOutSliceMaxPoints = 500

interface PendingInstruction {
  /** The row as stored: acknowledgements apply to it without reading the database. */
  instruction: StreamInstruction
  readonly streamPoint: string
  readonly pointLabel: string
  readonly sentAtMonotonic: number
}

/**
 * Sends instructions and follows each to its final answer. Every pending instruction sits in
 * one table keyed by uuid with a deadline; a missed deadline becomes the visible "no answer"
 * mark (`no_answer_date`), never a silent hang. A late answer still lands.
 */
export class InstructionTracker {
  private readonly pending: PendingTable<string, PendingInstruction>
  private closed = false

  constructor(private readonly options: InstructionTrackerOptions) {
    this.pending = new PendingTable({
      onExpired: (expired) => {
        for (const entry of expired) this.markNoAnswer(entry, 'timed out')
      },
      now: () => options.clock.now(),
      maxCheckIntervalMs: options.sweepIntervalMs ?? 100,
    })
  }

  /** Creates the instruction, puts it on the wire and starts its deadline. */
  send(point: StreamPoint, code: string, manualFinish = false): StreamInstruction {
    const { repository, clock, events } = this.options
    const created = repository.create({
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
      streamPoint: point.uuid,
      pointLabel: pointLabel(point),
      sentAtMonotonic: clock.monotonic(),
    }
    this.pending.add(created.uuid, pending, now + timeout)
    try {
      this.options.transport.sendInstruction(point, { uuid: created.uuid, code, manualFinish })
    } catch (error) {
      return this.failUnsent(created, error)
    }
    const sent: StreamInstruction = {
      ...created,
      state: 'SENT',
      sentDate: toIso(now),
      modifiedDate: toIso(now),
      deadlineDate: toIso(now + timeout),
    }
    repository.save(sent)
    pending.instruction = sent
    events.emit('instruction-changed', sent)
    return sent
  }

  /**
   * After a start: the instructions the last run left waiting (it crashed or was killed).
   * Those past their deadline become "no answer" now, with one log line; the others wait for
   * the rest of their deadline again. Returns how many were marked.
   */
  recoverUnfinished(): number {
    const { repository, clock } = this.options
    const now = clock.now()
    let marked = 0
    for (const instruction of repository.listUnfinished()) {
      const deadline =
        instruction.deadlineDate === null ? now : Date.parse(instruction.deadlineDate)
      const pending: PendingInstruction = {
        instruction,
        streamPoint: instruction.streamPoint,
        pointLabel: this.recoveredPointLabel(instruction.streamPoint),
        sentAtMonotonic:
          clock.monotonic() -
          (instruction.sentDate === null ? 0 : now - Date.parse(instruction.sentDate)),
      }
      if (deadline > now) {
        this.pending.add(instruction.uuid, pending, deadline)
        continue
      }
      this.writeNoAnswer(pending)
      marked += 1
    }
    if (marked > 0) {
      this.options.log.write({
        origin: 'supercollider',
        level: logLevels.WARNING,
        name: 'instructions',
        message: `${marked} instruction${marked === 1 ? '' : 's'} had no answer when Gencaster stopped`,
      })
    }
    return marked
  }

  /**
   * Sends the same code to many points in slices, each slice in one transaction, with a turn of
   * the event loop between slices so beacons, answers and pages are served meanwhile. The
   * instructions come back in the order of `points`.
   */
  async sendToMany(
    points: readonly StreamPoint[],
    code: string,
    manualFinish = false,
  ): Promise<StreamInstruction[]> {
    const perSlice = Math.max(
      1,
      Math.min(fanOutSliceMaxPoints, Math.floor(fanOutSliceBytes / Math.max(1, code.length))),
    )
    const sent: StreamInstruction[] = []
    for (let start = 0; start < points.length; start += perSlice) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve))
      // The core may have closed its database while this fan-out waited for its turn.
      if (this.closed) throw new Error(`core closing: sent to ${sent.length} of ${points.length}`)
      this.options.inTransaction(() => {
        for (const point of points.slice(start, start + perSlice)) {
          sent.push(this.send(point, code, manualFinish))
        }
      })
    }
    return sent
  }

  /** Applies an `/acknowledge`; repeats and out-of-order states never move an instruction back. */
  acknowledge(ack: AcknowledgeMessage, senderHost: string): void {
    const state = ack.status
    if (state === 'BEACON') return
    const pending = this.pending.get(ack.uuid)
    // Not in flight: a repeat of a final answer, a late answer after "no answer", or junk.
    const current = pending?.instruction ?? this.options.repository.get(ack.uuid)
    if (!current) {
      this.options.log.write({
        origin: 'supercollider',
        level: logLevels.ERROR,
        name: 'osc_server',
        message: `acknowledgement ${state} from ${senderHost} for unknown instruction ${ack.uuid}`,
      })
      return
    }
    if (!canAdvance(current.state, state)) return
    const nowMs = this.options.clock.now()
    const roundTripMs = pending
      ? this.options.clock.monotonic() - pending.sentAtMonotonic
      : // Only the stored wall-clock send time is left for a late answer.
        current.sentDate === null
        ? null
        : nowMs - Date.parse(current.sentDate)
    const updated = this.answer(current, {
      state,
      returnValue: ack.return_value,
      nowIso: toIso(nowMs),
      roundTripMs,
    })
    if (!pending) return
    if (isTerminalState(state)) this.pending.take(current.uuid)
    else pending.instruction = updated
  }

  private answer(current: StreamInstruction, answer: InstructionAnswer): StreamInstruction {
    const updated = withAnswer(current, answer)
    this.options.repository.save(updated)
    this.options.events.emit('instruction-changed', updated)
    return updated
  }

  get(uuid: string): StreamInstruction | undefined {
    return this.options.repository.get(uuid)
  }

  /** Each code text sent, newest first: the editor's searchable history. */
  history(text: string | undefined, limit = 100): HistoryEntry[] {
    return this.options.repository.history(text, limit)
  }

  /** Newest first, optionally for one point. */
  listRecent(limit: number, streamPoint?: string): StreamInstruction[] {
    return this.options.repository.listRecent(limit, streamPoint)
  }

  /** Marks every pending instruction of a point "no answer" at once (the point went offline). */
  abandonPointInstructions(streamPoint: string): void {
    const abandoned = this.pending.takeWhere((pending) => pending.streamPoint === streamPoint)
    for (const entry of abandoned) this.markNoAnswer(entry, 'went offline')
  }

  /** How many instructions still wait for a final answer. */
  pendingCount(): number {
    return this.pending.size
  }

  /** A point forgotten since (deleted with its rows) can only be named by its uuid. */
  private recoveredPointLabel(uuid: string): string {
    const point = this.options.findPoint(uuid)
    return point === undefined ? `the point ${uuid}` : pointLabel(point)
  }

  /**
   * Everything pending fails together: each instruction gets the "no answer" mark and one log
   * line counts them (a line each would flood the log of a big fan-out). Runs before the core
   * closes its database; an answer after the next start still lands.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    let marked = 0
    for (const entry of this.pending.closeAll()) {
      if (this.writeNoAnswer(entry.value)) marked += 1
    }
    if (marked === 0) return
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.WARNING,
      name: 'instructions',
      message: `${marked} instruction${marked === 1 ? '' : 's'} had no answer (Gencaster closed)`,
    })
  }

  /** The instruction never left: it fails at once with the reason as its return value. */
  private failUnsent(created: StreamInstruction, error: unknown): StreamInstruction {
    this.pending.take(created.uuid)
    const reason = `not sent: ${error instanceof Error ? error.message : String(error)}`
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.ERROR,
      name: 'instructions',
      streamPoint: created.streamPoint,
      message: `instruction ${created.uuid} ${reason}`,
    })
    const nowIso = toIso(this.options.clock.now())
    return this.answer(created, {
      state: 'FAILURE',
      returnValue: reason,
      nowIso,
      roundTripMs: null,
    })
  }

  /** An instruction taken out of the table without its answer gets the mark and a log line. */
  private markNoAnswer(entry: PendingEntry<string, PendingInstruction>, why: string): void {
    const { id: uuid, value: pending } = entry
    const marked = this.writeNoAnswer(pending)
    if (!marked) return
    this.options.log.write({
      origin: 'supercollider',
      level: logLevels.WARNING,
      name: 'instructions',
      streamPoint: pending.streamPoint,
      message: `no answer from ${pending.pointLabel} for instruction ${uuid} (${why}; last state ${marked.state})`,
    })
  }

  /** Sets the "no answer" mark on the instruction as held, once. */
  private writeNoAnswer(pending: PendingInstruction): StreamInstruction | undefined {
    const current = pending.instruction
    if (current.noAnswerDate !== null) return undefined
    const nowIso = toIso(this.options.clock.now())
    const marked: StreamInstruction = { ...current, noAnswerDate: nowIso, modifiedDate: nowIso }
    this.options.repository.save(marked)
    this.options.events.emit('instruction-changed', marked)
    return marked
  }
}

/** How log lines name a point: its instance name and address, as the performer knows it. */
function pointLabel(point: StreamPoint): string {
  return `${point.scName ?? 'instance'} (${point.host}:${point.port})`
}
