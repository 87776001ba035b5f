import type { StorageHealth } from '../../src-main/contract'
import type { StateCreator } from 'zustand'
import type { AppState } from './store'

export interface StorageSlice {
  /** Whether the core's writes reach its database (from the snapshot, then 'storage-changed'). */
  storage: StorageHealth
}

export const createStorageSlice: StateCreator<AppState, [], [], StorageSlice> = () => ({
  storage: { state: 'ok', waiting: 0, dropped: 0 },
})
