/** The IPC channels of the Electron transport; the WebSocket carries the same frames. */
export const ipcChannels = {
  request: 'gencaster:request',
  event: 'gencaster:event',
  /** The shell's signal that the core went away or serves again (`ConnectionState`). */
  connection: 'gencaster:connection',
} as const
