import { initialSchema } from './0001-initial-schema.js'
import { editorDocuments } from './0002-editor-documents.js'
import { documentRevisions } from './0003-document-revisions.js'
import type { Migration } from './migration.js'

/** Every migration in order; append new ones, never edit a released one. */
export const migrations: readonly Migration[] = [initialSchema, editorDocuments, documentRevisions]
