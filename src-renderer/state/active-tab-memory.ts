const key = 'gencaster.active-tab'

/** The part of the Web Storage API used here (localStorage in the page). */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem'>

/**
 * Keeps which tab is open, in the browser, so a reload opens it again instead of the first.
 * Local to this browser and this core (localStorage is per origin, and each core its own port).
 */
export function rememberActiveTab(uuid: string, storage: TabStorage = localStorage): void {
  try {
    storage.setItem(key, uuid)
  } catch {
    // Storage full or turned off: a reload opens the first tab, nothing worse.
  }
}

/** The remembered tab, when it is still one of `documents`. */
export function recallActiveTab(
  documents: readonly { readonly uuid: string }[],
  storage: TabStorage = localStorage,
): string | undefined {
  try {
    const uuid = storage.getItem(key)
    return documents.some((document) => document.uuid === uuid) ? (uuid ?? undefined) : undefined
  } catch {
    return undefined
  }
}
