import type { EditorDocument } from '../../src-main/contract'
import type { StateCreator } from 'zustand'
import type { AppState } from './store'

export interface SessionSlice {
  connection: 'connecting' | 'connected' | 'disconnected'
  /** The active document's chosen target points; empty means "all online points". */
  selectedTargets: string[]
  /** Each other document's chosen targets, kept while another tab is active. */
  targetsByDocument: Record<string, string[]>
  includeBusy: boolean
  /** Code goes to one target first and to the rest only once it answers FINISHED. */
  canary: boolean
  /** What the editor sends: code, or text to speak. */
  editorMode: 'code' | 'speak'
  /**
   * The tabs. A document's `text` is the core's text when the page loaded it: once a tab is open
   * its editor owns the live text, and saves change only the other fields here.
   */
  documents: EditorDocument[]
  activeDocument: string | undefined
  setConnection(connection: SessionSlice['connection']): void
  toggleTarget(uuid: string): void
  clearTargets(): void
  setIncludeBusy(include: boolean): void
  setCanary(canary: boolean): void
  setEditorMode(mode: 'code' | 'speak'): void
  setDocuments(documents: EditorDocument[]): void
  putDocument(document: EditorDocument): void
  /** A document deleted elsewhere: its tab goes (the active tab moves to the first). */
  removeDocument(uuid: string): void
  /** A save's answer: its metadata (modified date, title, position), never its text. */
  applySavedDocument(saved: EditorDocument): void
  setActiveDocument(uuid: string): void
}

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
