import type { BrowserContext, Page } from 'playwright-core'
import type { ConnectionState, EventBatchFrame, Result } from '../../src-main/contract/index.js'
import type { ContractDispatcher } from '../../src-main/core/dispatch/contract-dispatcher.js'
import { createEventFanOut } from '../../src-main/contract/event-fan-out.js'
import { ipcChannels } from '../../src-main/contract/index.js'
import { linkContractToIpc, type IpcContractLink } from '../../src-main/shell/ipc-contract-link.js'

/** What the stand-in leaves on the page's window for the test to drive. */
export interface StandInHandle {
  /** One IPC message on the event channel, as the preload gets it. */
  deliver(batch: EventBatchFrame): void
  setConnection(state: ConnectionState): void
  /** How many batches the page got: each is one message of the IPC transport. */
  readonly batchesDelivered: number
}

/**
 * Installed before the page's scripts run: a `window.gencaster` shaped as the preload's
 * (GencasterBridge), whose requests go through the `gencasterRelay` binding to the test
 * process and whose event batches and connection signal the test pushes in. Runs in the page,
 * with the preload's own fan-out of event batches (`createEventFanOut`, passed in as source).
 */
function installStandIn(createFanOut: typeof createEventFanOut): void {
  type Relay = (method: string, params: unknown) => Promise<Result<unknown>>
  const page = window as unknown as {
    gencasterRelay: Relay
    gencaster: unknown
    gencasterStandIn: StandInHandle
  }
  const events = createFanOut()
  let batchesDelivered = 0
  const connectionListeners = new Set<(state: ConnectionState) => void>()
  let state: ConnectionState = 'connected'
  // Frozen and read-only, as contextBridge makes it.
  Object.defineProperty(window, 'gencaster', {
    value: Object.freeze({
      request: (method: string, params: unknown) => page.gencasterRelay(method, params),
      on: events.on,
      onConnection: (listener: (state: ConnectionState) => void) => {
        connectionListeners.add(listener)
        listener(state)
        return () => connectionListeners.delete(listener)
      },
    }),
  })
  page.gencasterStandIn = {
    deliver: (batch) => {
      batchesDelivered++
      events.deliver(batch)
    },
    setConnection: (next) => {
      state = next
      for (const listener of connectionListeners) listener(next)
    },
    get batchesDelivered() {
      return batchesDelivered
    },
  }
}

/**
 * The shell's side of the stand-in bridge, in the test process: it relays the page's requests
 * to a real core's dispatcher and the core's events to the page through the IPC transport's
 * own batching and ordering (`linkContractToIpc`, as `serveContractOverIpc` does), with
 * `page.evaluate` for the IPC message.
 */
export class BridgeRelay {
  /** Every request the page made, in order. */
  readonly requests: { method: string; params: unknown }[] = []
  /** While set, requests reach no core and get no answer: a core that hangs. */
  hangRequests = false
  private link: IpcContractLink | undefined
  private page: Page | undefined

  /** Installs the binding and the stand-in on every page of `context`. */
  static async install(context: BrowserContext): Promise<BridgeRelay> {
    const relay = new BridgeRelay()
    await context.exposeBinding('gencasterRelay', (_source, method: string, params: unknown) =>
      relay.handle(method, params),
    )
    // The fan-out goes in as its source, as the real preload bundles it.
    await context.addInitScript({ content: `(${installStandIn})(${createEventFanOut})` })
    return relay
  }

  /** The page the events go to. */
  show(page: Page): void {
    this.page = page
  }

  /** Serves `dispatcher`'s core, as the shell does once the core runs. */
  serve(dispatcher: ContractDispatcher): void {
    this.stopServing()
    this.link = linkContractToIpc(dispatcher, {
      isDestroyed: () => !this.page || this.page.isClosed(),
      send: (channel, batch) => {
        if (channel === ipcChannels.event) this.deliver(batch as EventBatchFrame)
      },
    })
  }

  /** Stops serving (the core went away): requests are answered with an error. */
  stopServing(): void {
    this.link?.close()
    this.link = undefined
  }

  /** Fires the bridge's connection signal in the page, as the shell does when the core restarts. */
  async signal(state: ConnectionState): Promise<void> {
    await this.page?.evaluate(
      (next) =>
        (window as unknown as { gencasterStandIn: StandInHandle }).gencasterStandIn.setConnection(
          next,
        ),
      state,
    )
  }

  private handle(method: string, params: unknown): Promise<Result<unknown>> {
    this.requests.push({ method, params })
    if (this.hangRequests) return new Promise<never>(() => undefined)
    return this.link
      ? this.link.answer(method, params)
      : Promise.resolve({ ok: false, error: 'no core behind the bridge' })
  }

  private deliver(batch: EventBatchFrame): void {
    // A page that is navigating has no stand-in for a moment; it loads a snapshot anyway.
    void this.page
      ?.evaluate(
        (message) =>
          (window as unknown as { gencasterStandIn?: StandInHandle }).gencasterStandIn?.deliver(
            message,
          ),
        batch,
      )
      .catch(() => undefined)
  }
}
