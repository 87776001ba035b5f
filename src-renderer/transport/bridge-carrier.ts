import {
  eventNames,
  type GencasterBridge,
  type RequestFrame,
  type RequestName,
} from '../../src-main/contract'
import type { Carrier, CarrierSink } from './transport'

/**
 * Electron: the contract through the preload's `window.gencaster`. Its connection signal, when
 * it has one, says when the core went away and came back; without it the bridge is connected
 * while the window lives.
 */
export class BridgeCarrier implements Carrier {
  private readonly disposers: (() => void)[] = []
  private sink: CarrierSink | undefined

  constructor(private readonly bridge: GencasterBridge) {}

  start(sink: CarrierSink): void {
    this.sink = sink
    for (const name of eventNames)
      this.disposers.push(this.bridge.on(name, (payload) => sink.event(name, payload)))
    if (this.bridge.onConnection) this.disposers.push(this.bridge.onConnection(sink.connection))
    else sink.connection('connected')
  }

  send({ id, method, params }: RequestFrame): void {
    const sink = this.sink
    this.bridge.request(method as RequestName, params as never).then(
      (result) => sink?.answer(id, result),
      // ipcRenderer.invoke rejects when the main process has no handler (the core is gone).
      (error: unknown) =>
        sink?.answer(id, {
          ok: false,
          error: `the bridge failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
    )
  }

  close(): void {
    this.disposers.splice(0).forEach((dispose) => dispose())
    this.sink = undefined
  }
}
