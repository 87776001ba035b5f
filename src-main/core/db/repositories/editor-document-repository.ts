import type { Database, Statement } from 'better-sqlite3'
import type { EditorDocument } from '../../documents/editor-document.js'
import { returningRow } from '../returning-row.js'
import type { StorageWriter } from '../storage-writer.js'

interface EditorDocumentRow {
  uuid: string
  created_date: string
  modified_date: string
  title: string
  text: string
  position: number
}

function toDocument(row: EditorDocumentRow): EditorDocument {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    title: row.title,
    text: row.text,
    position: row.position,
  }
}

/** The `editor_document` table. */
export class EditorDocumentRepository {
  private readonly upsert: Statement
  private readonly all: Statement
  private readonly remove: Statement

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.upsert = db.prepare(`
      INSERT INTO editor_document (uuid, created_date, modified_date, title, text, position)
      VALUES (@uuid, @now, @now, @title, @text, @position)
      ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, text = excluded.text,
        position = excluded.position, modified_date = excluded.modified_date
      RETURNING *`)
    this.all = db.prepare('SELECT * FROM editor_document ORDER BY position, created_date')
    this.remove = db.prepare('DELETE FROM editor_document WHERE uuid = ?')
  }

  /** Creates the document (no uuid) or replaces its title, text and position. */
  save(input: {
    uuid?: string | undefined
    title: string
    text: string
    position: number
    nowIso: string
  }): EditorDocument {
    return toDocument(
      this.writer.run(() =>
        returningRow<EditorDocumentRow>(this.upsert, {
          uuid: input.uuid ?? crypto.randomUUID(),
          now: input.nowIso,
          title: input.title,
          text: input.text,
          position: input.position,
        }),
      )!,
    )
  }

  list(): EditorDocument[] {
    return (this.all.all() as EditorDocumentRow[]).map(toDocument)
  }

  delete(uuid: string): boolean {
    return this.writer.run(() => this.remove.run(uuid).changes === 1)
  }
}
