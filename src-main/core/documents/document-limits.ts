/**
 * How much the editor tabs may hold together. Twenty tabs of 1 MB once made a `listDocuments`
 * answer of over 20 MB: a page on a slow link (a tablet on stage Wi-Fi) then still had most of
 * it waiting when the next event came and was dropped by the 8 MiB per-page queue bound, on every
 * reconnect. Under these limits the whole list stays well under that bound.
 */
export const documentLimits = {
  maxDocuments: 100,
  /** UTF-8 bytes of every tab's text together (JSON escapes of code add a few percent). */
  maxTotalTextBytes: 4 * 1024 * 1024,
} as const

/** A save that would take the tabs past a limit; the message says which and what to do. */
export class DocumentLimitError extends Error {
  override readonly name = 'DocumentLimitError'
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Throws DocumentLimitError when the tabs after this save would pass a limit. */
export function checkDocumentLimits(after: { count: number; textBytes: number }): void {
  if (after.count > documentLimits.maxDocuments)
    throw new DocumentLimitError(
      `not saved: at most ${documentLimits.maxDocuments} tabs; delete one to make another`,
    )
  if (after.textBytes > documentLimits.maxTotalTextBytes)
    throw new DocumentLimitError(
      `not saved: the tabs would hold ${megabytes(after.textBytes)} of text together, over the ` +
        `${megabytes(documentLimits.maxTotalTextBytes)} limit; shorten or delete a tab`,
    )
}
