import type { StreamVariable } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { returningRow } from '../returning-row.js'
import type { StorageWriter } from '../storage-writer.js'

interface StreamVariableRow {
  uuid: string
  created_date: string
  modified_date: string
  stream: string
  key: string
  value: string
  stream_to_sc: number
}

function toVariable(row: StreamVariableRow): StreamVariable {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    stream: row.stream,
    key: row.key,
    value: row.value,
    streamToSc: row.stream_to_sc === 1,
  }
}

/** The `stream_variable` table. */
export class StreamVariableRepository {
  private readonly upsert: Statement
  private readonly forStream: Statement

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.upsert = db.prepare(`
      INSERT INTO stream_variable (uuid, created_date, modified_date, stream, key, value,
        stream_to_sc)
      VALUES (@uuid, @now, @now, @stream, @key, @value, @streamToSc)
      ON CONFLICT (stream, key) DO UPDATE SET value = excluded.value,
        stream_to_sc = excluded.stream_to_sc, modified_date = excluded.modified_date
      RETURNING *`)
    this.forStream = db.prepare('SELECT * FROM stream_variable WHERE stream = ? ORDER BY key')
  }

  /** Creates the variable or replaces its value: (stream, key) is unique. */
  set(input: {
    stream: string
    key: string
    value: string
    streamToSc: boolean
    nowIso: string
  }): StreamVariable {
    const row = this.writer.run(() =>
      returningRow(this.upsert, {
        uuid: crypto.randomUUID(),
        now: input.nowIso,
        stream: input.stream,
        key: input.key,
        value: input.value,
        streamToSc: input.streamToSc ? 1 : 0,
      }),
    ) as StreamVariableRow
    return toVariable(row)
  }

  listForStream(stream: string): StreamVariable[] {
    return (this.forStream.all(stream) as StreamVariableRow[]).map(toVariable)
  }
}
