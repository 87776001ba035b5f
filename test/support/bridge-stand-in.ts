import type { ConnectionState, EventFrame, Result } from '../../src-main/contract/index.js'
import type { BrowserContext, Page } from 'playwright-core'
import type { ContractDispatcher } from '../../src-main/core/dispatch/contract-dispatcher.js'

/** What the stand-in leaves on the page's window for the test to drive. */
interface StandInHandle {
  deliver(events: readonly EventFrame[]): void
  setConnection(state: ConnectionState): void
}

/**
 * Installed before the page's scripts run: a `window.gencaster` shaped as the preload's
 * (GencasterBridge), whose requests go through the `gencasterRelay` binding to the test
 * process and whose events and connection signal the test pushes in. Runs in the page.
 */
function installStandIn(): void {
  type Listener = (payload: unknown) => void
  type Relay = (method: string, params: unknown) => Promise<Result<unknown>>
  const page = window as unknown as {
    gencasterRelay: Relay
    gencaster: unknown
    gencasterStandIn: StandInHandle
  }
  const listeners = new Map<string, Set<Listener>>()
  const connectionListeners = new Set<(state: ConnectionState) => void>()
  let state: ConnectionState = 'connected'
  // Frozen and read-only, as contextBridge makes it.
  Object.defineProperty(window, 'gencaster', {
    value: Object.freeze({
      request: (method: string, params: unknown) => page.gencasterRelay(method, params),
      on: (event: string, listener: Listener) => {
        let set = listeners.get(event)
        if (!set) listeners.set(event, (set = new Set()))
        set.add(listener)
        return () => set.delete(listener)
      },
      onConnection: (listener: (state: ConnectionState) => void) => {
        connectionListeners.add(listener)
        listener(state)
        return () => connectionListeners.delete(listener)
      },
    }),
  })
  page.gencasterStandIn = {
    deliver: (events) => {
      for (const { event, payload } of events)
        for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    setConnection: (next) => {
      state = next
      for (const listener of connectionListeners) listener(next)
    },
  }
}

/**
 * The shell's side of the stand-in bridge, in the test process: it relays the page's requests
 * to a real core's dispatcher and the core's events to the page, like `serveContractOverIpc`.
 */
export class BridgeRelay {
  /** Every request the page made, in order. */
  readonly requests: { method: string; params: unknown }[] = []
  /** While set, requests reach no core and get no answer: a core that hangs. */
  hangRequests = false
  private dispatcher: ContractDispatcher | undefined
  private unsubscribe: (() => void) | undefined
  private batch: EventFrame[] = []
  private page: Page | undefined

  /** Installs the binding and the stand-in on every page of `context`. */
  static async install(context: BrowserContext): Promise<BridgeRelay> {
    const relay = new BridgeRelay()
    await context.exposeBinding('gencasterRelay', (_source, method: string, params: unknown) =>
      relay.handle(method, params),
    )
    await context.addInitScript(installStandIn)
    return relay
  }

  /** The page the events go to. */
  show(page: Page): void {
    this.page = page
  }

  /** Serves `dispatcher`'s core, as the shell does once the core runs. */
  serve(dispatcher: ContractDispatcher): void {
    this.stopServing()
    this.dispatcher = dispatcher
    this.unsubscribe = dispatcher.subscribe((event, payload) => {
      // One delivery per turn of the event loop, in order, as the IPC adapter's sends arrive.
      if (this.batch.push({ event, payload }) === 1) setImmediate(() => this.flush())
    })
  }

  /** Stops serving (the core went away): requests are answered with an error. */
  stopServing(): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.dispatcher = undefined
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
    return this.dispatcher
      ? this.dispatcher.handle(method, params)
      : Promise.resolve({ ok: false, error: 'no core behind the bridge' })
  }

  private flush(): void {
    const events = this.batch
    this.batch = []
    // A page that is navigating has no stand-in for a moment; it loads a snapshot anyway.
    void this.page
      ?.evaluate(
        (frames) =>
          (window as unknown as { gencasterStandIn?: StandInHandle }).gencasterStandIn?.deliver(
            frames,
          ),
        events,
      )
      .catch(() => undefined)
  }
}
