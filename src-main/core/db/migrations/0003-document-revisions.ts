import type { Migration } from './migration.js'

/**
 * Each editor document's revision (counted up by every save) and the page that saved it last:
 * two pages on one document once overwrote each other silently, the last writer winning.
 */
export const documentRevisions: Migration = {
  version: 3,
  name: 'document revisions',
  sql: `
    ALTER TABLE editor_document ADD COLUMN revision INTEGER NOT NULL DEFAULT 1
      CHECK (revision >= 1);
    ALTER TABLE editor_document ADD COLUMN saved_by TEXT;
  `,
}
