import type { EditorDocumentRepository } from '../db/repositories/editor-document-repository.js'
import type { DomainModule } from '../dispatch/contract-handlers.js'
import type { CoreEvents } from '../events/core-events.js'
import { toIso, type Clock } from '../time/clock.js'
import { DocumentService } from './document-service.js'

export interface DocumentsModule extends DomainModule<
  'listDocuments' | 'saveDocument' | 'getDocument' | 'deleteDocument'
> {
  readonly documents: DocumentService
}

/** The control room's editor tabs. */
export function setupDocuments(options: {
  readonly repository: EditorDocumentRepository
  readonly events: CoreEvents
  readonly clock: Clock
}): DocumentsModule {
  const documents = new DocumentService(options.repository, options.events)
  return {
    documents,
    handlers: {
      listDocuments: () => documents.list(),
      saveDocument: ({ uuid, title, text, position, baseRevision, origin }) =>
        documents.save({
          uuid,
          title,
          text,
          position: position ?? 0,
          nowIso: toIso(options.clock.now()),
          baseRevision,
          savedBy: origin,
        }),
      getDocument: ({ uuid }) => documents.get(uuid) ?? null,
      deleteDocument: ({ uuid }) => ({ deleted: documents.delete(uuid) }),
    },
    close: () => {},
  }
}
