/**
 * The shape of the UI state, types only: every slice's state and actions, and `AppState`, the
 * whole of them. Slices and the code that reads the store import their types from here, so no
 * slice imports the store that is made of it (zustand's slices pattern, without the circle).
 */
import type {
  EditorDocument,
  InstructionView,
  LogLevel,
  LogOrigin,
  PointStreams,
  StorageHealth,
  StreamLogEntry,
  StreamPoint,
} from '../../src-main/contract'

export interface PointsSlice {
  /**
   * Every point by uuid. A Map, replaced whole on each change like any zustand state: copying
   * a thousand entries per frame cost five times more as an object spread.
   */
  points: ReadonlyMap<string, StreamPoint>
  /** Bumped when a point appears or is renamed: the name order changes only then. */
  pointsVersion: number
  onlineWindowMs: number
  /** The core's clock minus ours, so beacon ages are right when the core is another machine. */
  clockOffsetMs: number
  /** Points that have listeners now (busy), with their streams and listeners. */
  streamsByPoint: Record<string, PointStreams>
  lastInstructionByPoint: Record<string, string>
  roundTripsByPoint: Record<string, number[]>
  applyPoints(points: readonly StreamPoint[]): void
  trackInstructions(instructions: readonly InstructionView[]): void
}

export interface InstructionsSlice {
  /** Instructions by uuid; a Map for the same reason as `points`. */
  instructions: ReadonlyMap<string, InstructionView>
  /** How many the last prune kept: the next waits until the Map has doubled. */
  instructionsKeptAtLastPrune: number
  applyInstructions(instructions: readonly InstructionView[]): void
  /**
   * Drops instructions no evaluation row and no point's "last" shows, once they have piled up.
   * Run after `trackInstructions`, so a new instruction is already some point's last.
   */
  pruneInstructions(): void
}

/** One evaluation from the editor: a row of the result matrix. */
export interface Evaluation {
  readonly id: number
  readonly code: string
  readonly at: number
  /** Instruction uuid per target point uuid. */
  readonly instructionByPoint: Record<string, string>
  readonly error?: string
  /** How a staged evaluation stands, e.g. "canary: waiting for alpha". */
  readonly note?: string | undefined
}

export interface EvaluationsSlice {
  /** The result matrix's rows, newest first. */
  evaluations: Evaluation[]
  /** The id the next row gets: ids are this store's, so a fresh store starts again at 1. */
  nextEvaluationId: number
  /** Hands out a new row id. */
  takeEvaluationId(): number
  addEvaluation(evaluation: Evaluation): void
  updateEvaluation(id: number, patch: Partial<Omit<Evaluation, 'id'>>): void
}

export interface LogFilter {
  readonly minLevel: LogLevel
  readonly text: string
  /** Where lines come from (SuperCollider, Janus, the graph engine), or '' for all. */
  readonly origin: LogOrigin | ''
  /** A point uuid, or '' for all. */
  readonly streamPoint: string
}

export interface LogsSlice {
  /** Newest first. */
  logs: StreamLogEntry[]
  logsPaused: boolean
  /** Lines that arrived while paused, shown when the tail resumes. */
  heldLogs: StreamLogEntry[]
  logFilter: LogFilter
  addLogs(entries: readonly StreamLogEntry[]): void
  setLogsPaused(paused: boolean): void
  setLogFilter(filter: Partial<LogFilter>): void
}

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

export interface StorageSlice {
  /** Whether the core's writes reach its database (from the snapshot, then 'storage-changed'). */
  storage: StorageHealth
}

/** A failure the performer must see: it stays on screen until dismissed. */
export interface Alert {
  /** What failed, e.g. 'stop' or 'save': a new alert of the same key replaces the old one. */
  readonly key: string
  readonly text: string
  readonly at: number
  /** Choices the alert offers (a conflict's "keep mine" / "take theirs"); it has no dismiss then. */
  readonly actions?: readonly AlertAction[]
}

/** One button on an alert. */
export interface AlertAction {
  readonly label: string
  run(): void
}

export interface AlertsSlice {
  /** Oldest first. */
  alerts: Alert[]
  raiseAlert(key: string, text: string, actions?: readonly AlertAction[]): void
  dismissAlert(key: string): void
}

/** The whole UI state: one store made of typed slices. */
export type AppState = PointsSlice &
  InstructionsSlice &
  EvaluationsSlice &
  LogsSlice &
  SessionSlice &
  StorageSlice &
  AlertsSlice
