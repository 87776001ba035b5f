import type { DocumentSaveOutcome, EditorDocument } from '../../contract/index.js'
import type { EditorDocumentRepository } from '../db/repositories/editor-document-repository.js'
import type { CoreEvents } from '../events/core-events.js'

/**
 * The editor tabs: stored through the repository, and every save or delete announced as
 * `document-changed`, so each page showing the document follows it (two pages on one document
 * used to overwrite each other without a word).
 */
export class DocumentService {
  constructor(
    private readonly repository: EditorDocumentRepository,
    private readonly events: CoreEvents,
  ) {}

  list(): EditorDocument[] {
    return this.repository.list()
  }

  get(uuid: string): EditorDocument | undefined {
    return this.repository.get(uuid)
  }

  /** See EditorDocumentRepository.save; a stored save is announced with the page that made it. */
  save(input: Parameters<EditorDocumentRepository['save']>[0]): DocumentSaveOutcome {
    const outcome = this.repository.save(input)
    if (outcome.status === 'saved')
      this.events.emit('document-changed', {
        kind: 'saved',
        document: outcome.document,
        origin: input.savedBy,
      })
    return outcome
  }

  delete(uuid: string): boolean {
    const deleted = this.repository.delete(uuid)
    if (deleted) this.events.emit('document-changed', { kind: 'deleted', uuid })
    return deleted
  }
}
