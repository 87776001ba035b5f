import type { Database, Statement } from 'better-sqlite3'
import { likeSubstring } from '../like-pattern.js'
import { returningRow } from '../returning-row.js'
import type { InstructionState, StreamInstruction } from '../../stream/stream-instruction.js'

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
  private readonly byUuid: Statement
  private readonly sent: Statement
  private readonly rowByUuid: Statement
  private readonly answerByRowid: Statement
  private readonly noAnswer: Statement
  private readonly recent: Statement
  private readonly recentForPoint: Statement
  private readonly distinctCode: Statement

  constructor(db: Database) {
    this.insert = db.prepare(`
      INSERT INTO stream_instruction (uuid, created_date, modified_date, stream_point,
        instruction_text, state, manual_finish)
      VALUES (@uuid, @now, @now, @streamPoint, @instructionText, 'UNACKNOWLEDGED', @manualFinish)
      RETURNING rowid AS row_id, *`)
    this.byUuid = db.prepare('SELECT * FROM stream_instruction WHERE uuid = ?')
    this.sent = db.prepare(`
      UPDATE stream_instruction SET state = 'SENT', sent_date = @now, modified_date = @now,
        deadline_date = @deadline
      WHERE uuid = @uuid AND state = 'UNACKNOWLEDGED' RETURNING *`)
    this.rowByUuid = db.prepare('SELECT rowid AS row_id, * FROM stream_instruction WHERE uuid = ?')
    // Every answer is written this way: the caller knows the row and its new values, so there
    // is nothing to look up or read back.
    this.answerByRowid = db.prepare(`
      UPDATE stream_instruction SET state = ?, modified_date = ?, return_value = ?,
        received_date = ?, finished_date = ?, round_trip_ms = ?
      WHERE rowid = ?`)
    this.noAnswer = db.prepare(`
      UPDATE stream_instruction SET no_answer_date = @now, modified_date = @now
      WHERE uuid = @uuid AND no_answer_date IS NULL RETURNING *`)
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

  /** Inserts an UNACKNOWLEDGED instruction; `rowId` lets the tracker update it cheaply. */
  create(input: {
    streamPoint: string
    instructionText: string
    manualFinish: boolean
    nowIso: string
  }): { instruction: StreamInstruction; rowId: number } {
    const row = returningRow(this.insert, {
      uuid: crypto.randomUUID(),
      now: input.nowIso,
      streamPoint: input.streamPoint,
      instructionText: input.instructionText,
      manualFinish: input.manualFinish ? 1 : 0,
    }) as StreamInstructionRow & { row_id: number }
    return { instruction: toInstruction(row), rowId: row.row_id }
  }

  /** Stores the row as the caller computed it (see `withAnswer`). */
  writeAnswer(rowId: number, instruction: StreamInstruction): void {
    this.answerByRowid.run(
      instruction.state,
      instruction.modifiedDate,
      instruction.returnValue,
      instruction.receivedDate,
      instruction.finishedDate,
      instruction.roundTripMs,
      rowId,
    )
  }

  get(uuid: string): StreamInstruction | undefined {
    const row = this.byUuid.get(uuid) as StreamInstructionRow | undefined
    return row && toInstruction(row)
  }

  /** UNACKNOWLEDGED -> SENT; undefined when an answer already overtook the send. */
  markSent(uuid: string, nowIso: string, deadlineIso: string): StreamInstruction | undefined {
    const row = returningRow(this.sent, { uuid, now: nowIso, deadline: deadlineIso }) as
      StreamInstructionRow | undefined
    return row && toInstruction(row)
  }

  /** The instruction and the rowid that `writeAnswer` takes. */
  getWithRowId(uuid: string): { instruction: StreamInstruction; rowId: number } | undefined {
    const row = this.rowByUuid.get(uuid) as (StreamInstructionRow & { row_id: number }) | undefined
    return row && { instruction: toInstruction(row), rowId: row.row_id }
  }

  markNoAnswer(uuid: string, nowIso: string): StreamInstruction | undefined {
    const row = returningRow(this.noAnswer, { uuid, now: nowIso }) as
      StreamInstructionRow | undefined
    return row && toInstruction(row)
  }

  /** Each code text sent, newest first, with how often: the editor's history. */
  history(
    text: string | undefined,
    limit: number,
  ): { code: string; lastSent: string; times: number }[] {
    return this.distinctCode.all({ text: likeSubstring(text), limit }) as {
      code: string
      lastSent: string
      times: number
    }[]
  }

  /** Newest first, optionally for one point. */
  listRecent(limit: number, streamPoint?: string): StreamInstruction[] {
    const rows = (
      streamPoint === undefined
        ? this.recent.all(limit)
        : this.recentForPoint.all(streamPoint, limit)
    ) as StreamInstructionRow[]
    return rows.map(toInstruction)
  }
}
