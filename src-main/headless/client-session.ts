import type { RawData, WebSocket } from 'ws'
import type { Result } from '../contract/index.js'
import type { ContractDispatcher } from '../core/dispatch/contract-dispatcher.js'
import { batchEventsPerTurn, type EventBatches } from '../core/dispatch/event-batches.js'
import type { BrowserLog } from './browser-log.js'
import { parseRequestFrame } from './request-frame.js'

export interface ClientSessionOptions {
  readonly dispatcher: ContractDispatcher
  /**
   * Bytes a client may have waiting to be sent; a client above it is dropped at its next frame,
   * so what is held for one client stays under this plus one frame.
   */
  readonly maxQueuedBytes: number
  readonly log: BrowserLog
}

/** What the server knows of one client's outgoing queue. */
export interface ClientQueueStats {
  readonly queuedBytes: number
  readonly peakQueuedBytes: number
}

type Answer = { readonly id: number | null } & Result<unknown>

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
}

/**
 * One page's WebSocket: its requests answered through the dispatcher, the core's events pushed
 * to it. A client that stops reading (a tablet whose Wi-Fi drops) would make the server buffer
 * every event for it forever; instead its queue is bounded and a client above the bound, or
 * one that misses a ping, is dropped. The page reconnects and loads a fresh snapshot.
 */
export class ClientSession {
  private readonly batches: EventBatches
  private awaitingPong = false
  private peak = 0
  private disposed = false

  constructor(
    private readonly client: WebSocket,
    private readonly options: ClientSessionOptions,
  ) {
    // Each turn's events go out as one frame, and always before an answer (see answer()).
    this.batches = batchEventsPerTurn({
      source: options.dispatcher,
      send: (batch) => this.send(JSON.stringify(batch)),
    })
    client.on('message', (data, isBinary) => void this.receive(data, isBinary))
    client.on('pong', () => (this.awaitingPong = false))
    // Protocol errors (a frame over the size limit, a bad opcode): ws closes the socket itself.
    client.on('error', (error) =>
      options.log('WARNING', `browser client dropped: ${error.message}`),
    )
    client.on('close', () => this.dispose())
  }

  get stats(): ClientQueueStats {
    return { queuedBytes: this.client.bufferedAmount, peakQueuedBytes: this.peak }
  }

  /** Called every heartbeat: a client that has not answered the last ping is dropped. */
  heartbeat(): void {
    if (this.client.readyState !== this.client.OPEN) return
    if (this.awaitingPong) {
      this.drop('it did not answer a ping')
      return
    }
    this.awaitingPong = true
    this.client.ping()
  }

  private async receive(data: RawData, isBinary: boolean): Promise<void> {
    // The one guard of this edge: whatever a frame holds, it is answered, never thrown.
    let id: number | null = null
    try {
      const parsed = parseRequestFrame(asBuffer(data), isBinary)
      if (!parsed.ok) {
        this.answer({ id: parsed.id, ok: false, error: parsed.error })
        return
      }
      id = parsed.frame.id
      const result = await this.options.dispatcher.handle(parsed.frame.method, parsed.frame.params)
      this.answer({ id, ...result })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      this.options.log('ERROR', `browser request failed: ${message}`)
      this.answer({ id, ok: false, error: `internal error: ${message}` })
    }
  }

  private answer(answer: Answer): void {
    // The events that came before an answer reach the page before it, in the order they came.
    this.batches.flush()
    this.send(JSON.stringify(answer))
  }

  private send(text: string): void {
    if (this.client.readyState !== this.client.OPEN) return
    // What is still waiting counts, not this frame: a snapshot bigger than the bound must still
    // reach a client that reads, or it would reconnect forever.
    const waiting = this.client.bufferedAmount
    if (waiting > this.options.maxQueuedBytes) {
      this.drop(`${waiting} bytes wait for it (limit ${this.options.maxQueuedBytes})`)
      return
    }
    this.client.send(text)
    this.peak = Math.max(this.peak, this.client.bufferedAmount)
  }

  private drop(reason: string): void {
    this.options.log('WARNING', `browser client dropped: ${reason}; it reloads when it reconnects`)
    // Not a close handshake: that would wait behind everything already queued.
    this.client.terminate()
    this.dispose()
  }

  private dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.batches.close()
  }
}
