import type { Result } from '../contract/index.js'
import type { ContractDispatcher } from '../core/dispatch/contract-dispatcher.js'
import { batchEventsPerTurn } from '../core/dispatch/event-batches.js'
import { ipcChannels } from '../contract/index.js'

/** What the link needs of a window: a webContents-like sink that may already be gone. */
export interface IpcSink {
  isDestroyed(): boolean
  send(channel: string, ...args: unknown[]): void
}

/** One window's side of the contract over IPC, without Electron's own objects (see below). */
export interface IpcContractLink {
  /** Answers one request; the events that came before the answer are sent before it. */
  answer(method: string, params: unknown): Promise<Result<unknown>>
  /** Stops sending events; what was waiting is dropped. */
  close(): void
}

/**
 * The IPC transport's batching and ordering: each turn's events go to the window as one message
 * on the event channel (an `EventBatchFrame`, as browser mode's WebSocket frame), and every
 * answer waits until the events before it are sent, so the page sees them in the order they
 * came. Kept apart from `serveContractOverIpc` so that it runs, and is tested, without Electron.
 */
export function linkContractToIpc(
  dispatcher: Pick<ContractDispatcher, 'handle' | 'subscribe'>,
  sink: IpcSink,
): IpcContractLink {
  const batches = batchEventsPerTurn({
    source: dispatcher,
    send: (batch) => {
      if (!sink.isDestroyed()) sink.send(ipcChannels.event, batch)
    },
  })
  return {
    async answer(method, params) {
      const result = await dispatcher.handle(method, params)
      batches.flush()
      return result
    },
    close: () => batches.close(),
  }
}
