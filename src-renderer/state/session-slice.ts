import type { StateCreator } from 'zustand'
import type { EditorDocument } from '../../src-main/core/contract/contract'
import type { AppState } from './store'

export interface SessionSlice {
  connection: 'connecting' | 'connected' | 'disconnected'
  /** Chosen target points; empty means "all online points". */
  selectedTargets: string[]
  includeBusy: boolean
  documents: EditorDocument[]
  activeDocument: string | undefined
  setConnection(connection: SessionSlice['connection']): void
  toggleTarget(uuid: string): void
  clearTargets(): void
  setIncludeBusy(include: boolean): void
  setDocuments(documents: EditorDocument[]): void
  putDocument(document: EditorDocument): void
  setActiveDocument(uuid: string): void
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  connection: 'connecting',
  selectedTargets: [],
  includeBusy: false,
  documents: [],
  activeDocument: undefined,
  setConnection: (connection) => set({ connection }),
  toggleTarget: (uuid) =>
    set((state) => ({
      selectedTargets: state.selectedTargets.includes(uuid)
        ? state.selectedTargets.filter((selected) => selected !== uuid)
        : [...state.selectedTargets, uuid],
    })),
  clearTargets: () => set({ selectedTargets: [] }),
  setIncludeBusy: (includeBusy) => set({ includeBusy }),
  setDocuments: (documents) =>
    set((state) => ({ documents, activeDocument: state.activeDocument ?? documents[0]?.uuid })),
  putDocument: (document) =>
    set((state) => ({
      documents: state.documents.some((existing) => existing.uuid === document.uuid)
        ? state.documents.map((existing) => (existing.uuid === document.uuid ? document : existing))
        : [...state.documents, document],
    })),
  setActiveDocument: (activeDocument) => set({ activeDocument }),
})
