import type { EventName } from './events.js'
import type { Result } from './requests.js'

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
/**
 * The events of one turn of the core's event loop, in order: one WebSocket frame or one IPC
 * message, not hundreds.
 */
export interface EventBatchFrame {
  readonly events: readonly EventFrame[]
}
