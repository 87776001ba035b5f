import type { EditorDocument, GencasterApi } from '../../src-main/contract'
import type { AppStore } from './store'

/** Saves the editor's text to the core, a moment after typing stops (and at least every so often). */
export interface DocumentSaver {
  /** This page among the pages on the core: its saves never conflict with each other. */
  readonly origin: string
  /**
   * A document's text changed in the editor: saved once `delayMs` pass without a change, or
   * `maxWaitMs` after the first unsaved change while typing goes on.
   */
  change(uuid: string, text: string): void
  /** Saves every waiting text now (a tab switch, the page going away). */
  flush(): void
  /**
   * The connection to the core is back. Saves sent before it can no longer be answered (a
   * request sent while the socket was down is never delivered), so the latest text goes again.
   */
  connectionRestored(): void
  /** Whether this page holds text for the document that the core may not have yet. */
  hasUnsaved(uuid: string): boolean
  /**
   * Another page saved the document while this one has unsaved text for it: nothing more is
   * saved for it until the performer chooses (`keepMine` or `takeTheirs`).
   */
  conflict(uuid: string, theirs: EditorDocument): void
  /**
   * The conflict's choice "keep mine": `text` (else the text waiting) is saved over theirs,
   * against their revision.
   */
  keepMine(uuid: string, text?: string): void
  /** The conflict's choice "take theirs": this page's waiting text is dropped; returns theirs. */
  takeTheirs(uuid: string): EditorDocument | undefined
}

export interface DocumentSaverOptions {
  /** The pause in typing after which a save goes. */
  readonly delayMs?: number
  /** The longest a change waits while typing goes on without a pause. */
  readonly maxWaitMs?: number
  /** How long after a failed save (a full disk, a lock) the same text is tried again. */
  readonly retryMs?: number
  /** Told once when a document comes into conflict (the saver's own save or `conflict`). */
  readonly onConflict?: (uuid: string, theirs: EditorDocument) => void
}

/** One document's saves: at most one in flight, and only the newest waiting text behind it. */
interface SaveSlot {
  /** Text typed since the last save went out; undefined when there is none. */
  waiting: string | undefined
  /** When the oldest change in `waiting` was made (for the longest wait). */
  waitingSince: number | undefined
  timer: ReturnType<typeof setTimeout> | undefined
  inFlight: { readonly text: string } | undefined
  /** What another page stored while this one had unsaved text: saves wait for the choice. */
  conflict: EditorDocument | undefined
}

/** Random enough to tell the pages on one core apart (randomUUID needs a secure context). */
const newOrigin = () => `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

/**
 * Saves in order, per document: one save in flight, the newest text queued behind it, so an
 * older save can never land in the database after a newer one. Each save carries the revision
 * the page last saw (`baseRevision`): the core refuses it when another page saved meanwhile,
 * and the saver then stops for that document until the performer chooses. An answer only
 * updates the document's metadata in the store; the text in the editor is the performer's, and
 * the core's echo of an older text never goes back into it.
 */
export function createDocumentSaver(
  api: GencasterApi,
  store: AppStore,
  options: DocumentSaverOptions = {},
): DocumentSaver {
  const delayMs = options.delayMs ?? 400
  const maxWaitMs = options.maxWaitMs ?? 2000
  const retryMs = options.retryMs ?? 5000
  const origin = newOrigin()
  const slots = new Map<string, SaveSlot>()

  const slotOf = (uuid: string): SaveSlot => {
    let slot = slots.get(uuid)
    if (!slot)
      slots.set(
        uuid,
        (slot = {
          waiting: undefined,
          waitingSince: undefined,
          timer: undefined,
          inFlight: undefined,
          conflict: undefined,
        }),
      )
    return slot
  }

  const documentOf = (uuid: string) =>
    store.getState().documents.find((candidate) => candidate.uuid === uuid)

  const markConflict = (uuid: string, slot: SaveSlot, theirs: EditorDocument): void => {
    clearTimeout(slot.timer)
    slot.timer = undefined
    const known = slot.conflict !== undefined
    if (!known || theirs.revision > (slot.conflict?.revision ?? 0)) slot.conflict = theirs
    if (!known) options.onConflict?.(uuid, theirs)
  }

  const send = (uuid: string, slot: SaveSlot): void => {
    if (slot.inFlight || slot.conflict || slot.waiting === undefined) return
    const document = documentOf(uuid)
    if (!document) return
    const flight = { text: slot.waiting }
    slot.waiting = undefined
    slot.waitingSince = undefined
    slot.inFlight = flight
    void api
      .request('saveDocument', {
        uuid,
        title: document.title,
        text: flight.text,
        position: document.position,
        baseRevision: document.revision,
        origin,
      })
      .then((result) => {
        // Given up after a reconnect or a choice: its text has gone again or was dropped.
        if (slot.inFlight !== flight) return
        slot.inFlight = undefined
        if (!result.ok) {
          // Tried again in a while (a full disk frees up, a lock goes) and on the next change,
          // flush or reconnect; at once would spin offline. The text stays in the editor, and
          // this tab's own banner says the database does not have it yet.
          slot.waiting ??= flight.text
          store
            .getState()
            .raiseAlert(saveAlertKey(uuid), `"${document.title}" not saved: ${result.error}`)
          if (slot.timer === undefined) {
            slot.timer = setTimeout(() => {
              slot.timer = undefined
              send(uuid, slot)
            }, retryMs)
          }
          return
        }
        if (result.value.status === 'conflict') {
          slot.waiting ??= flight.text
          markConflict(uuid, slot, result.value.current)
          return
        }
        store.getState().applySavedDocument(result.value.document)
        store.getState().dismissAlert(saveAlertKey(uuid))
        // Text that came in while this save was out goes now, unless its own delay still runs.
        if (slot.timer === undefined) send(uuid, slot)
      })
  }

  const flush = (): void => {
    for (const [uuid, slot] of slots) {
      clearTimeout(slot.timer)
      slot.timer = undefined
      send(uuid, slot)
    }
  }

  return {
    origin,
    change(uuid, text) {
      const slot = slotOf(uuid)
      const now = Date.now()
      slot.waiting = text
      slot.waitingSince ??= now
      clearTimeout(slot.timer)
      slot.timer = undefined
      if (slot.conflict) return
      const due = Math.min(now + delayMs, slot.waitingSince + maxWaitMs)
      slot.timer = setTimeout(
        () => {
          slot.timer = undefined
          send(uuid, slot)
        },
        Math.max(0, due - now),
      )
    },
    flush,
    connectionRestored() {
      for (const slot of slots.values()) {
        if (slot.inFlight) slot.waiting ??= slot.inFlight.text
        slot.inFlight = undefined
      }
      flush()
    },
    hasUnsaved(uuid) {
      const slot = slots.get(uuid)
      return slot !== undefined && (slot.waiting !== undefined || slot.inFlight !== undefined)
    },
    conflict(uuid, theirs) {
      markConflict(uuid, slotOf(uuid), theirs)
    },
    keepMine(uuid, text) {
      const slot = slotOf(uuid)
      const theirs = slot.conflict
      if (!theirs) return
      // Theirs becomes the base, so this save replaces exactly what the performer chose over.
      store.getState().applySavedDocument(theirs)
      const mine = text ?? slot.waiting ?? slot.inFlight?.text
      slot.conflict = undefined
      slot.inFlight = undefined
      slot.waiting = mine
      send(uuid, slot)
    },
    takeTheirs(uuid) {
      const slot = slotOf(uuid)
      const theirs = slot.conflict
      if (!theirs) return undefined
      clearTimeout(slot.timer)
      slot.timer = undefined
      slot.conflict = undefined
      slot.inFlight = undefined
      slot.waiting = undefined
      slot.waitingSince = undefined
      store.getState().putDocument(theirs)
      return theirs
    },
  }
}

/** Each tab's "not saved" banner is its own: another tab's save does not clear it. */
export function saveAlertKey(uuid: string): string {
  return `save ${uuid}`
}
