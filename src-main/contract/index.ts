/**
 * The one contract between the renderer and the core: every request with its parameter schema
 * and result, every wire event, and the domain types and constants they carry, each defined
 * once. The core, the preload and the renderer import it; it imports only zod, so it compiles
 * for Node and the browser alike. Served by one dispatcher (core), carried by Electron IPC or
 * a WebSocket.
 */
export * from './api.js'
export * from './documents.js'
export * from './events.js'
export * from './event-fan-out.js'
export * from './frames.js'
export * from './instructions.js'
export * from './ipc-channels.js'
export * from './log-entry.js'
export * from './presence.js'
export * from './remote-password.js'
export * from './requests.js'
export * from './storage-health.js'
export * from './stream-point.js'
export * from './streams.js'
