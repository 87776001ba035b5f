import type { GencasterApi } from '../../src-main/core/contract/contract'
import type { AppStore } from './store'

/** Saves the editor's text to the core, a moment after typing stops. */
export interface DocumentSaver {
  /** A document's text changed in the editor: saved once `delayMs` pass without a change. */
  change(uuid: string, text: string): void
  /** Saves every waiting text now (a tab switch, the page going away). */
  flush(): void
  /**
   * The connection to the core is back. Saves sent before it can no longer be answered (a
   * request sent while the socket was down is never delivered), so the latest text goes again.
   */
  connectionRestored(): void
}

/** One document's saves: at most one in flight, and only the newest waiting text behind it. */
interface SaveSlot {
  /** Text typed since the last save went out; undefined when there is none. */
  waiting: string | undefined
  timer: ReturnType<typeof setTimeout> | undefined
  inFlight: { readonly text: string } | undefined
}

/**
 * Saves in order, per document: one save in flight, the newest text queued behind it, so an
 * older save can never land in the database after a newer one. An answer only updates the
 * document's metadata in the store; the text in the editor is the performer's, and the core's
 * echo of an older text never goes back into it.
 */
export function createDocumentSaver(
  api: GencasterApi,
  store: AppStore,
  delayMs = 400,
): DocumentSaver {
  const slots = new Map<string, SaveSlot>()

  const slotOf = (uuid: string): SaveSlot => {
    let slot = slots.get(uuid)
    if (!slot)
      slots.set(uuid, (slot = { waiting: undefined, timer: undefined, inFlight: undefined }))
    return slot
  }

  const send = (uuid: string, slot: SaveSlot): void => {
    if (slot.inFlight || slot.waiting === undefined) return
    const document = store.getState().documents.find((candidate) => candidate.uuid === uuid)
    if (!document) return
    const flight = { text: slot.waiting }
    slot.waiting = undefined
    slot.inFlight = flight
    void api
      .request('saveDocument', {
        uuid,
        title: document.title,
        text: flight.text,
        position: document.position,
      })
      .then((result) => {
        // Given up after a reconnect: its text has gone again in a newer save.
        if (slot.inFlight !== flight) return
        slot.inFlight = undefined
        if (!result.ok) {
          // Kept for the next change, flush or reconnect; retrying at once would spin offline.
          // The text stays in the editor; the banner says the database does not have it yet.
          slot.waiting ??= flight.text
          store.getState().raiseAlert('save', `"${document.title}" not saved: ${result.error}`)
          return
        }
        store.getState().applySavedDocument(result.value)
        store.getState().dismissAlert('save')
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
    change(uuid, text) {
      const slot = slotOf(uuid)
      slot.waiting = text
      clearTimeout(slot.timer)
      slot.timer = setTimeout(() => {
        slot.timer = undefined
        send(uuid, slot)
      }, delayMs)
    },
    flush,
    connectionRestored() {
      for (const slot of slots.values()) {
        if (slot.inFlight) slot.waiting ??= slot.inFlight.text
        slot.inFlight = undefined
      }
      flush()
    },
  }
}
