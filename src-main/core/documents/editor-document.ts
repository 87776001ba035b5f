/** One editor tab: code the performer keeps between shows. */
export interface EditorDocument {
  readonly uuid: string
  readonly createdDate: string
  readonly modifiedDate: string
  readonly title: string
  readonly text: string
  /** Tab order. */
  readonly position: number
  /** Counted up by every save: a page saves against the revision it last saw. */
  readonly revision: number
}

/**
 * What a save did: stored it, or refused it because another page saved the document since the
 * revision this page last saw (`current` is what is stored now, text included). Nothing is
 * overwritten on a conflict.
 */
export type DocumentSaveOutcome =
  | { readonly status: 'saved'; readonly document: EditorDocument }
  | { readonly status: 'conflict'; readonly current: EditorDocument }

/** A save or delete, announced to every page. */
export type DocumentChange =
  | {
      readonly kind: 'saved'
      readonly document: EditorDocument
      /** The page that saved it (its `origin`), so it can tell its own saves from others'. */
      readonly origin: string | undefined
    }
  | { readonly kind: 'deleted'; readonly uuid: string }
