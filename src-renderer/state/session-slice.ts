import type { StateCreator } from 'zustand'
import type { AppState, SessionSlice } from './app-state'

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  connection: 'connecting',
  selectedTargets: [],
  targetsByDocument: {},
  includeBusy: false,
  canary: false,
  editorMode: 'code',
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
  setCanary: (canary) => set({ canary }),
  setEditorMode: (editorMode) => set({ editorMode }),
  setDocuments: (documents) =>
    set((state) => ({ documents, activeDocument: state.activeDocument ?? documents[0]?.uuid })),
  putDocument: (document) =>
    set((state) => ({
      documents: state.documents.some((existing) => existing.uuid === document.uuid)
        ? state.documents.map((existing) => (existing.uuid === document.uuid ? document : existing))
        : [...state.documents, document],
    })),
  removeDocument: (uuid) =>
    set((state) => {
      const documents = state.documents.filter((existing) => existing.uuid !== uuid)
      return {
        documents,
        activeDocument: state.activeDocument === uuid ? documents[0]?.uuid : state.activeDocument,
      }
    }),
  applySavedDocument: (saved) =>
    set((state) => ({
      documents: state.documents.map((existing) =>
        existing.uuid === saved.uuid ? { ...saved, text: existing.text } : existing,
      ),
    })),
  // Targets belong to a document: each tab goes to its own points, and a new one to all online.
  setActiveDocument: (activeDocument) =>
    set((state) => {
      if (activeDocument === state.activeDocument) return state
      const targetsByDocument = { ...state.targetsByDocument }
      if (state.activeDocument !== undefined)
        targetsByDocument[state.activeDocument] = state.selectedTargets
      return {
        activeDocument,
        targetsByDocument,
        selectedTargets: targetsByDocument[activeDocument] ?? [],
      }
    }),
})
