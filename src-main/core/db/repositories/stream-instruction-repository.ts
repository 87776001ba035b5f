import type { InstructionState, HistoryEntry } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { likeSubstring } from '../like-pattern.js'
import type { StorageWriter } from '../storage-writer.js'
import type { StreamInstruction } from '../../instructions/stream-instruction.js'

interface StreamInstructionRow {
  uuid: string
  created_date: string
  modified_date: string
  stream_point: string
  instruction_text: string
  state: InstructionState
  return_value: string | null
  manual_finish: number
  sent_date: string | null
  received_date: string | null
  finished_date: string | null
  deadline_date: string | null
  no_answer_date: string | null
  round_trip_ms: number | null
}

function toInstruction(row: StreamInstructionRow): StreamInstruction {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    streamPoint: row.stream_point,
    instructionText: row.instruction_text,
    state: row.state,
    returnValue: row.return_value,
    manualFinish: row.manual_finish === 1,
    sentDate: row.sent_date,
    receivedDate: row.received_date,
    finishedDate: row.finished_date,
    deadlineDate: row.deadline_date,
    noAnswerDate: row.no_answer_date,
    roundTripMs: row.round_trip_ms,
  }
}

/** The `stream_instruction` table. */
export class StreamInstructionRepository {
  private readonly insert: Statement
  private readonly update: Statement
  private readonly updateByRowid: Statement
  private readonly byUuid: Statement
  private readonly unfinished: Statement
  private readonly recent: Statement
  private readonly recentForPoint: Statement
  private readonly distinctCode: Statement
  /** Rows whose newest state waits for the database; reads see them first. */
  private readonly unwritten = new Map<string, StreamInstruction>()
  /** Created here and not inserted yet: the first write is a plain INSERT. */
  private readonly fresh = new Set<string>()
  /**
   * The rowid of each instruction inserted here that may still change: an answer is then one
   * UPDATE by rowid (acknowledgements are half the OSC traffic). Forgotten once it is final.
   */
  private readonly rowIds = new Map<string, number | bigint>()

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.insert = db.prepare(`
      INSERT INTO stream_instruction (uuid, created_date, modified_date, stream_point,
        instruction_text, state, return_value, manual_finish, sent_date, received_date,
        finished_date, deadline_date, no_answer_date, round_trip_ms)
      VALUES (@uuid, @createdDate, @modifiedDate, @streamPoint, @instructionText, @state,
        @returnValue, @manualFinish, @sentDate, @receivedDate, @finishedDate, @deadlineDate,
        @noAnswerDate, @roundTripMs)`)
    // Every change after the insert is written this way, positional: the tracker holds the
    // whole row, so there is nothing to look up or read back, and it runs for every answer.
    const set = `UPDATE stream_instruction SET modified_date = ?, state = ?, return_value = ?,
        sent_date = ?, received_date = ?, finished_date = ?, deadline_date = ?,
        no_answer_date = ?, round_trip_ms = ?`
    this.update = db.prepare(`${set} WHERE uuid = ?`)
    this.updateByRowid = db.prepare(`${set} WHERE rowid = ?`)
    this.byUuid = db.prepare('SELECT * FROM stream_instruction WHERE uuid = ?')
    this.unfinished = db.prepare(`
      SELECT * FROM stream_instruction
      WHERE no_answer_date IS NULL AND state NOT IN ('FINISHED', 'SUCCESS', 'FAILURE')
      ORDER BY created_date, rowid`)
    this.recent = db.prepare(
      'SELECT * FROM stream_instruction ORDER BY created_date DESC, rowid DESC LIMIT ?',
    )
    this.distinctCode = db.prepare(`
      SELECT instruction_text AS code, MAX(created_date) AS lastSent, COUNT(*) AS times
      FROM stream_instruction
      WHERE (@text IS NULL OR instruction_text LIKE '%' || @text || '%' ESCAPE '\\')
      GROUP BY instruction_text ORDER BY lastSent DESC LIMIT @limit`)
    this.recentForPoint = db.prepare(`
      SELECT * FROM stream_instruction WHERE stream_point = ?
      ORDER BY created_date DESC, rowid DESC LIMIT ?`)
  }

  /** A new UNACKNOWLEDGED instruction, made in memory; its row is written through the writer. */
  create(input: {
    streamPoint: string
    instructionText: string
    manualFinish: boolean
    nowIso: string
  }): StreamInstruction {
    const instruction: StreamInstruction = {
      uuid: crypto.randomUUID(),
      createdDate: input.nowIso,
      modifiedDate: input.nowIso,
      streamPoint: input.streamPoint,
      instructionText: input.instructionText,
      state: 'UNACKNOWLEDGED',
      returnValue: null,
      manualFinish: input.manualFinish,
      sentDate: null,
      receivedDate: null,
      finishedDate: null,
      deadlineDate: null,
      noAnswerDate: null,
      roundTripMs: null,
    }
    this.fresh.add(instruction.uuid)
    this.save(instruction)
    return instruction
  }

  /**
   * Stores the row as the caller computed it (sent, an answer, no answer). While the storage
   * is degraded only the newest state of each instruction waits, in the place of its first.
   */
  save(instruction: StreamInstruction): void {
    const { uuid } = instruction
    let inserted = false
    this.writer.write({
      key: `instruction ${uuid}`,
      apply: () => {
        inserted = this.store(instruction)
      },
      // Only a row that waits needs laying over the table (one applied is in it already).
      onWaiting: () => this.unwritten.set(uuid, instruction),
      onWritten: () => {
        if (this.unwritten.get(uuid) === instruction) this.unwritten.delete(uuid)
      },
      // The insert is undone: the row's next write must insert it again.
      onRolledBack: () => {
        if (!inserted) return
        this.rowIds.delete(uuid)
        this.fresh.add(uuid)
      },
    })
  }

  /** Writes the row; true when this inserted it. */
  private store(row: StreamInstruction): boolean {
    const final = row.finishedDate !== null || row.noAnswerDate !== null
    if (this.fresh.has(row.uuid)) {
      const { lastInsertRowid } = this.insert.run({
        ...row,
        manualFinish: row.manualFinish ? 1 : 0,
      })
      this.fresh.delete(row.uuid)
      if (!final) this.rowIds.set(row.uuid, lastInsertRowid)
      return true
    }
    const rowId = this.rowIds.get(row.uuid)
    if (final) this.rowIds.delete(row.uuid)
    // A row from an earlier run (recovered, or a late answer) is found by its uuid.
    const { changes } = (rowId === undefined ? this.update : this.updateByRowid).run(
      row.modifiedDate,
      row.state,
      row.returnValue,
      row.sentDate,
      row.receivedDate,
      row.finishedDate,
      row.deadlineDate,
      row.noAnswerDate,
      row.roundTripMs,
      rowId ?? row.uuid,
    )
    if (changes === 0) this.insert.run({ ...row, manualFinish: row.manualFinish ? 1 : 0 })
    return false
  }

  get(uuid: string): StreamInstruction | undefined {
    const waiting = this.unwritten.get(uuid)
    if (waiting) return waiting
    const row = this.byUuid.get(uuid) as StreamInstructionRow | undefined
    return row && toInstruction(row)
  }

  /** Instructions with neither a final answer nor the "no answer" mark, oldest first. */
  listUnfinished(): StreamInstruction[] {
    return (this.unfinished.all() as StreamInstructionRow[]).map(toInstruction)
  }

  /** Each code text sent, newest first, with how often: the editor's history. */
  history(text: string | undefined, limit: number): HistoryEntry[] {
    return this.distinctCode.all({ text: likeSubstring(text), limit }) as HistoryEntry[]
  }

  /** Newest first, optionally for one point. */
  listRecent(limit: number, streamPoint?: string): StreamInstruction[] {
    const rows = (
      streamPoint === undefined
        ? this.recent.all(limit)
        : this.recentForPoint.all(streamPoint, limit)
    ) as StreamInstructionRow[]
    const stored = rows.map(toInstruction)
    if (this.unwritten.size === 0) return stored
    // Lay what waits for the database over what it has, so a reloaded page still sees it.
    const byUuid = new Map(stored.map((instruction) => [instruction.uuid, instruction]))
    for (const waiting of this.unwritten.values())
      if (streamPoint === undefined || waiting.streamPoint === streamPoint)
        byUuid.set(waiting.uuid, waiting)
    return [...byUuid.values()]
      .sort((a, b) => b.createdDate.localeCompare(a.createdDate))
      .slice(0, limit)
  }
}
