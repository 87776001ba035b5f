import { useEffect, useMemo } from 'react'
import type { GencasterApi } from '../../src-main/core/contract/contract'
import { createDocumentSaver, type DocumentSaver } from '../state/document-saver'
import type { AppStore } from '../state/store'

/**
 * The page's document saver, wired to the page's life: what is waiting is saved when the page
 * is hidden or goes away (a reload keeps the last second of typing), and again once the
 * connection to the core is back.
 */
export function useDocumentSaver(api: GencasterApi, store: AppStore): DocumentSaver {
  const saver = useMemo(() => createDocumentSaver(api, store), [api, store])
  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') saver.flush()
    }
    const onPageHide = () => saver.flush()
    document.addEventListener('visibilitychange', onVisibilityChange)
    window.addEventListener('pagehide', onPageHide)
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.connection === 'connected' && previous.connection !== 'connected')
        saver.connectionRestored()
    })
    return () => {
      document.removeEventListener('visibilitychange', onVisibilityChange)
      window.removeEventListener('pagehide', onPageHide)
      unsubscribe()
      saver.flush()
    }
  }, [saver, store])
  return saver
}
