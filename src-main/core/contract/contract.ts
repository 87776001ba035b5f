/**
 * The one contract between the renderer and the core: every request with its parameter schema,
 * and every event. Served by one dispatcher (core), carried by Electron IPC or a WebSocket.
 * Imports nothing runtime-specific: it is compiled for Node and for the browser alike.
 */
import { z } from 'zod'
import type { StorageHealth } from '../db/storage-health.js'
import type { RemotePasswordSource } from '../config/remote-password-source.js'
import type {
  DocumentChange,
  DocumentSaveOutcome,
  EditorDocument,
} from '../documents/editor-document.js'
import type { CoreEventMap } from '../events/core-events.js'
import type { DocumentChangeView, InstructionView } from './wire-views.js'
import type { LogLevel, LogOrigin, StreamLogEntry } from '../stream/stream-log.js'
import type { StreamPoint } from '../stream/stream-point.js'
import type { PointStreams, Stream, StreamVariable } from '../stream/stream.js'

// The one value from outside the folder: a constant list in a domain module of its own.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- a plain constant, no runtime
export { logOrigins } from '../stream/stream-log.js'
export type {
  DocumentChange,
  DocumentChangeView,
  DocumentSaveOutcome,
  EditorDocument,
  InstructionView,
  RemotePasswordSource,
  LogLevel,
  LogOrigin,
  PointStreams,
  StorageHealth,
  Stream,
  StreamLogEntry,
  StreamPoint,
  StreamVariable,
}

const uuidList = z.array(z.string().min(1)).max(10_000)

/** Parameter schemas, one per request. */
export const requestSchemas = {
  snapshot: z.object({}),
  /** The page's check that the link still carries answers (a pulled cable closes nothing). */
  ping: z.object({}),
  sendCode: z.object({
    code: z.string().min(1).max(60_000),
    targets: uuidList.min(1),
    manualFinish: z.boolean().optional(),
  }),
  stop: z.object({ targets: uuidList.min(1) }),
  speak: z.object({ text: z.string().min(1), targets: uuidList }),
  queryLogs: z.object({
    streamPoint: z.string().optional(),
    minLevel: z
      .union([
        z.literal(0),
        z.literal(10),
        z.literal(20),
        z.literal(30),
        z.literal(40),
        z.literal(50),
      ])
      .optional(),
    origin: z.enum(['graph_engine', 'supercollider', 'janus']).optional(),
    text: z.string().max(200).optional(),
    limit: z.int().min(1).max(5000).optional(),
  }),
  history: z.object({
    text: z.string().max(200).optional(),
    limit: z.int().min(1).max(500).optional(),
  }),
  listStreams: z.object({}),
  setVariable: z.object({
    stream: z.string().min(1),
    key: z.string().min(1).max(200),
    value: z.string().max(10_000),
    streamToSc: z.boolean(),
  }),
  listDocuments: z.object({}),
  saveDocument: z.object({
    uuid: z.string().optional(),
    title: z.string().min(1).max(200),
    text: z.string().max(1_000_000),
    position: z.int().min(0).optional(),
    /** The revision the page last saw: a newer one stored by another page refuses the save. */
    baseRevision: z.int().min(1).optional(),
    /** The page saving (random per page load): its own saves never conflict with each other. */
    origin: z.string().min(1).max(100).optional(),
  }),
  /** One document as stored (a `document-changed` event leaves out a long text). */
  getDocument: z.object({ uuid: z.string().min(1) }),
  deleteDocument: z.object({ uuid: z.string().min(1) }),
  /** The remote-action password, for the control room to show on demand. */
  remotePassword: z.object({}),
} as const

export type RequestName = keyof typeof requestSchemas
export type RequestParams<N extends RequestName> = z.input<(typeof requestSchemas)[N]>

/** What each request answers with. */
export interface RequestResults {
  snapshot: {
    points: StreamPoint[]
    /** The newest instructions; logs and instructions are bounded in bytes as well as rows. */
    instructions: InstructionView[]
    logs: StreamLogEntry[]
    onlineWindowMs: number
    /** Streams and listeners per point uuid (points with listeners are busy). */
    streamsByPoint: Record<string, PointStreams>
    /** The core's clock, so the UI can age beacons correctly on another machine. */
    serverNow: number
    /** Whether writes reach the database (degraded: a full disk, a lock held elsewhere). */
    storage: StorageHealth
  }
  ping: { serverNow: number }
  sendCode: { instructions: InstructionView[] }
  stop: { instructions: InstructionView[] }
  speak: { instructions: InstructionView[] }
  queryLogs: StreamLogEntry[]
  history: { code: string; lastSent: string; times: number }[]
  listStreams: { stream: Stream; variables: StreamVariable[] }[]
  setVariable: { variable: StreamVariable; instruction: InstructionView | undefined }
  listDocuments: EditorDocument[]
  saveDocument: DocumentSaveOutcome
  getDocument: EditorDocument | null
  deleteDocument: { deleted: boolean }
  remotePassword: { password: string; source: RemotePasswordSource; file: string | undefined }
}

/** Every answer is a value: errors never throw across a transport. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

/**
 * Events pushed from the core to every connected UI: the core's own events, except that an
 * instruction travels without its code (the page sent the code; it goes out once per evaluation,
 * not with each of its thousands of state changes), and a document save without a long text.
 */
export type EventPayloads = Omit<CoreEventMap, 'instruction-changed' | 'document-changed'> & {
  'instruction-changed': InstructionView
  'document-changed': DocumentChangeView
}
export type EventName = keyof EventPayloads
export const eventNames: readonly EventName[] = [
  'point-changed',
  'instruction-changed',
  'log-added',
  'streams-changed',
  'storage-changed',
  'document-changed',
]

/** The WebSocket frames (the IPC transport carries the same shapes). */
export interface RequestFrame {
  readonly id: number
  readonly method: string
  readonly params: unknown
}
export type ResponseFrame = { readonly id: number } & Result<unknown>
export interface EventFrame {
  readonly event: EventName
  readonly payload: unknown
}
/** One turn's events of the core, in order: one WebSocket frame or IPC message, not hundreds. */
export interface EventBatchFrame {
  readonly events: readonly EventFrame[]
}

/** The code the panic button sends: what Ctrl+. does in the SuperCollider IDE. */
export const stopCode = 'CmdPeriod.run; nil'

/** The API both transports give the renderer. */
export interface GencasterApi {
  request<N extends RequestName>(
    method: N,
    params: RequestParams<N>,
  ): Promise<Result<RequestResults[N]>>
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}

/** Whether a UI can reach the core right now. */
export type ConnectionState = 'connected' | 'disconnected'

/**
 * What the Electron preload exposes as `window.gencaster`: the API, plus an optional signal of
 * the link to the core. A bridge without it counts as connected while the window lives.
 */
export interface GencasterBridge extends GencasterApi {
  /**
   * Calls `listener` with the current state at once, then on every change: 'disconnected' when
   * the core stops serving the window (the app quits), 'connected' when a core serves it.
   * Returns the unsubscribe.
   */
  onConnection?(listener: (state: ConnectionState) => void): () => void
}
