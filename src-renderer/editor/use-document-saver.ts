import type { GencasterApi } from '../../src-main/contract'
import { useEffect, useMemo } from 'react'
import { createDocumentSaver, type DocumentSaver } from '../state/document-saver'
import type { AppStore } from '../state/store'
import {
  followListedDocuments,
  receiveDocumentChange,
  showConflict,
  type DocumentSyncParts,
} from './document-sync'
import type { EditorSessions } from './editor-sessions'

/**
 * The page's document saver, wired to the page's life: what is waiting is saved when the page
 * is hidden or goes away (a reload keeps the last second of typing), and again once the
 * connection to the core is back. Other pages' saves come in as `document-changed`, and those
 * made while the link was down are caught up on when it is back.
 */
export function useDocumentSaver(
  api: GencasterApi,
  store: AppStore,
  sessions: EditorSessions,
): DocumentSaver {
  const parts = useMemo(() => {
    const saver: DocumentSaver = createDocumentSaver(api, store, {
      onConflict: (uuid, theirs) => showConflict(synced, uuid, theirs),
    })
    const synced: DocumentSyncParts = { store, saver, sessions }
    return synced
  }, [api, store, sessions])
  const saver = parts.saver
  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') saver.flush()
    }
    const onPageHide = () => saver.flush()
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('pagehide', onPageHide)
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.connection !== 'connected' || previous.connection === 'connected') return
      saver.connectionRestored()
      // The first connection loads the tabs (connect-store); a later one catches up on them.
      if (previous.connection === 'disconnected')
        void api.request('listDocuments', {}).then((listed) => {
          if (listed.ok) followListedDocuments(parts, listed.value)
        })
    })
    const unfollow = api.on(
      'document-changed',
      (change) => void receiveDocumentChange(api, parts, change),
    )
    return () => {
      document.removeEventListener('visibilitychange', onVisibilityChange)
      window.removeEventListener('pagehide', onPageHide)
      unsubscribe()
      unfollow()
      saver.flush()
    }
  }, [api, parts, saver, store])
  return saver
}
