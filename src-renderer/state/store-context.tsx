import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { GencasterApi } from '../../src-main/contract'
import type { AppState } from './app-state'
import type { AppStore } from './store'

const StoreContext = createContext<{ store: AppStore; api: GencasterApi } | undefined>(undefined)

export function AppProvider({
  store,
  api,
  children,
}: {
  store: AppStore
  api: GencasterApi
  children: ReactNode
}) {
  return <StoreContext.Provider value={{ store, api }}>{children}</StoreContext.Provider>
}

function useContextValue() {
  const value = useContext(StoreContext)
  if (!value) throw new Error('AppProvider missing')
  return value
}

/** A small selector into the app state: the component re-renders only when it changes. */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useContextValue().store, selector)
}

export function useApi(): { store: AppStore; api: GencasterApi } {
  return useContextValue()
}
