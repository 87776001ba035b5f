import type { DocumentSaveOutcome, EditorDocument } from '../../../contract/index.js'
import type { Database, Statement } from 'better-sqlite3'
import { checkDocumentLimits } from '../../documents/document-limits.js'
import { returningRow } from '../returning-row.js'
import type { StorageWriter } from '../storage-writer.js'

interface EditorDocumentRow {
  uuid: string
  created_date: string
  modified_date: string
  title: string
  text: string
  position: number
  revision: number
  saved_by: string | null
}

function toDocument(row: EditorDocumentRow): EditorDocument {
  return {
    uuid: row.uuid,
    createdDate: row.created_date,
    modifiedDate: row.modified_date,
    title: row.title,
    text: row.text,
    position: row.position,
    revision: row.revision,
  }
}

/** The `editor_document` table. */
export class EditorDocumentRepository {
  private readonly upsert: Statement
  private readonly one: Statement
  private readonly all: Statement
  private readonly othersTotals: Statement
  private readonly remove: Statement

  constructor(
    db: Database,
    private readonly writer: StorageWriter,
  ) {
    this.upsert = db.prepare(`
      INSERT INTO editor_document
        (uuid, created_date, modified_date, title, text, position, revision, saved_by)
      VALUES (@uuid, @now, @now, @title, @text, @position, 1, @savedBy)
      ON CONFLICT (uuid) DO UPDATE SET title = excluded.title, text = excluded.text,
        position = excluded.position, modified_date = excluded.modified_date,
        revision = revision + 1, saved_by = excluded.saved_by
      RETURNING *`)
    this.one = db.prepare('SELECT * FROM editor_document WHERE uuid = ?')
    this.all = db.prepare('SELECT * FROM editor_document ORDER BY position, created_date')
    // Bytes as UTF-8 (a BLOB's length), which is what the text weighs on the wire.
    this.othersTotals = db.prepare(`
      SELECT COUNT(*) AS count, COALESCE(SUM(length(CAST(text AS BLOB))), 0) AS textBytes
      FROM editor_document WHERE uuid <> ?`)
    this.remove = db.prepare('DELETE FROM editor_document WHERE uuid = ?')
  }

  /**
   * Creates the document (no uuid) or replaces its title, text and position, counting its
   * revision up. With `baseRevision` (the revision the page last saw) a document that another
   * page saved since is not touched: the outcome is a conflict carrying what is stored. Saves of
   * the same page (`savedBy`) never conflict with each other: a page whose answer was lost with
   * its connection sends its newest text again against the same base. Throws
   * DocumentLimitError past the limits of `document-limits.ts`.
   */
  save(input: {
    uuid?: string | undefined
    title: string
    text: string
    position: number
    nowIso: string
    baseRevision?: number | undefined
    savedBy?: string | undefined
  }): DocumentSaveOutcome {
    const uuid = input.uuid ?? crypto.randomUUID()
    return this.writer.run((): DocumentSaveOutcome => {
      const stored = this.one.get(uuid) as EditorDocumentRow | undefined
      if (
        stored &&
        input.baseRevision !== undefined &&
        stored.revision > input.baseRevision &&
        (input.savedBy === undefined || stored.saved_by !== input.savedBy)
      )
        return { status: 'conflict', current: toDocument(stored) }
      const others = this.othersTotals.get(uuid) as { count: number; textBytes: number }
      checkDocumentLimits({
        count: others.count + 1,
        textBytes: others.textBytes + Buffer.byteLength(input.text, 'utf8'),
      })
      const row = returningRow<EditorDocumentRow>(this.upsert, {
        uuid,
        now: input.nowIso,
        title: input.title,
        text: input.text,
        position: input.position,
        savedBy: input.savedBy ?? null,
      })!
      return { status: 'saved', document: toDocument(row) }
    })
  }

  get(uuid: string): EditorDocument | undefined {
    const row = this.one.get(uuid) as EditorDocumentRow | undefined
    return row && toDocument(row)
  }

  list(): EditorDocument[] {
    return (this.all.all() as EditorDocumentRow[]).map(toDocument)
  }

  delete(uuid: string): boolean {
    return this.writer.run(() => this.remove.run(uuid).changes === 1)
  }
}
