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

/** A save or delete, with the whole text: what the core announces and a page follows. */
export type DocumentChange =
  | {
      readonly kind: 'saved'
      readonly document: EditorDocument
      /** The page that saved it (its `origin`), so it can tell its own saves from others'. */
      readonly origin: string | undefined
    }
  | { readonly kind: 'deleted'; readonly uuid: string }

/**
 * A save or delete as the pages get it: the text travels only while it is small. Typing in a
 * 1 MB tab saves every 2 s, and each save went to every page, the one that typed it too; above
 * `maxDocumentTextOnWire` a page that needs the text (one showing the tab) asks for it with
 * `getDocument`.
 */
export type DocumentChangeView =
  | {
      readonly kind: 'saved'
      readonly document: Omit<EditorDocument, 'text'> & { readonly text?: string }
      /** The page that saved it (its `origin`), so it can tell its own saves from others'. */
      readonly origin: string | undefined
    }
  | { readonly kind: 'deleted'; readonly uuid: string }

/** Longest document text sent inside a `document-changed` event, in characters. */
export const maxDocumentTextOnWire = 64 * 1024
