/** The two IPC channels of the Electron transport; the WebSocket carries the same frames. */
export const ipcChannels = {
  request: 'gencaster:request',
  event: 'gencaster:event',
} as const
