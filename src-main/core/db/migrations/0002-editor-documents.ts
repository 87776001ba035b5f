import type { Migration } from './migration.js'

/** The control room's editor tabs, kept across restarts. */
export const editorDocuments: Migration = {
  version: 2,
  name: 'editor documents',
  sql: `
    CREATE TABLE editor_document (
      uuid TEXT PRIMARY KEY NOT NULL,
      created_date TEXT NOT NULL,
      modified_date TEXT NOT NULL,
      title TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL DEFAULT 0
    );
  `,
}
