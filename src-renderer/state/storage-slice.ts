import type { StateCreator } from 'zustand'
import type { AppState, StorageSlice } from './app-state'

export const createStorageSlice: StateCreator<AppState, [], [], StorageSlice> = () => ({
  storage: { state: 'ok', waiting: 0, dropped: 0 },
})
