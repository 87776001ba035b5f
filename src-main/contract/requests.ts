import { z } from 'zod'
import type { DocumentSaveOutcome, EditorDocument } from './documents.js'
import type { HistoryEntry, InstructionView } from './instructions.js'
import { logLevelValues, logOrigins, type StreamLogEntry } from './log-entry.js'
import type { RemotePasswordSource } from './remote-password.js'
import type { StorageHealth } from './storage-health.js'
import type { StreamPoint } from './stream-point.js'
import type { PointStreams, Stream, StreamVariable } from './streams.js'

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
    minLevel: z.literal(logLevelValues).optional(),
    origin: z.enum(logOrigins).optional(),
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
/** What the page passes (optional fields may be left out). */
export type RequestParams<N extends RequestName> = z.input<(typeof requestSchemas)[N]>
/** What a handler gets, after the schema checked and filled in the parameters. */
export type ParsedParams<N extends RequestName> = z.output<(typeof requestSchemas)[N]>

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
    /**
     * The time on the core's machine (its wall clock), so the UI can age beacons correctly on
     * another machine.
     */
    serverNow: number
    /** Whether writes reach the database (degraded: a full disk, a lock held elsewhere). */
    storage: StorageHealth
  }
  ping: { serverNow: number }
  sendCode: { instructions: InstructionView[] }
  stop: { instructions: InstructionView[] }
  speak: { instructions: InstructionView[] }
  queryLogs: StreamLogEntry[]
  history: HistoryEntry[]
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
