import type { Database } from 'better-sqlite3'
import type { StorageWriter } from '../storage-writer.js'
import { EditorDocumentRepository } from './editor-document-repository.js'
import { StreamInstructionRepository } from './stream-instruction-repository.js'
import { StreamLogRepository } from './stream-log-repository.js'
import { StreamPointRepository } from './stream-point-repository.js'
import { StreamRepository } from './stream-repository.js'
import { StreamVariableRepository } from './stream-variable-repository.js'

/** Every table's repository over one open database. */
export interface Repositories {
  readonly streamPoints: StreamPointRepository
  readonly streams: StreamRepository
  readonly streamVariables: StreamVariableRepository
  readonly instructions: StreamInstructionRepository
  readonly logs: StreamLogRepository
  readonly documents: EditorDocumentRepository
}

/** Every write goes through `writer` (see StorageWriter: storage failures wait, not crash). */
export function createRepositories(db: Database, writer: StorageWriter): Repositories {
  return {
    streamPoints: new StreamPointRepository(db, writer),
    streams: new StreamRepository(db, writer),
    streamVariables: new StreamVariableRepository(db, writer),
    instructions: new StreamInstructionRepository(db, writer),
    logs: new StreamLogRepository(db, writer),
    documents: new EditorDocumentRepository(db, writer),
  }
}
