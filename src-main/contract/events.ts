import type { DocumentChangeView } from './documents.js'
import type { InstructionView } from './instructions.js'
import type { StreamLogEntry } from './log-entry.js'
import type { StorageHealth } from './storage-health.js'
import type { StreamPoint } from './stream-point.js'
import type { PointStreams } from './streams.js'

/** Events pushed from the core to every connected UI, with their payloads. */
export interface EventPayloads {
  'point-changed': StreamPoint
  /** An instruction's new state, without its code (the page sent the code). */
  'instruction-changed': InstructionView
  'log-added': StreamLogEntry
  /** Per point uuid after any stream changed; points without listeners are absent. */
  'streams-changed': Record<string, PointStreams>
  /** Whether writes reach the database; sent on each change while degraded (once a retry). */
  'storage-changed': StorageHealth
  /** An editor document saved or deleted (by any page); a long text is left out. */
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
