import type { CDPSession } from 'playwright-core'

/** One trace event as Chromium reports it; only the fields read here. */
interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly ts: number
  readonly pid: number
  readonly tid: number
  readonly id2?: { readonly local?: string }
  readonly args?: { readonly event_latency?: { readonly event_type?: string } }
}

/** One keystroke: keydown to next paint, and how much of it was waiting for the frame clock. */
export interface KeyLatency {
  readonly totalMs: number
  /** From the end of the keystroke's main-thread work to the next frame tick (vsync). */
  readonly frameWaitMs: number
}

/**
 * Keydown to next paint as Chromium itself measures it: its `EventLatency` trace event runs from
 * the moment the key event was made to the presentation of the first frame that shows its
 * effect (the measure behind Chrome's INP). An in-page probe cannot see the paint: a timer
 * after `requestAnimationFrame` runs late whenever the scheduler holds timers back after input.
 * Its sub-stage `RendererMainFinishedToBeginImplFrame` is the wait for the next frame tick, which
 * no page controls. Only the `input` category is traced, so a long run stays small; take()
 * ends a window.
 */
export class KeyLatencyTrace {
  private readonly open = new Map<
    string,
    { began: number; frameWait: number; waitBegan?: number }
  >()
  private latencies: KeyLatency[] = []

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Tracing.dataCollected', ({ value }) => this.collect(value as unknown as TraceEvent[]))
  }

  async start(): Promise<void> {
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['input'], excludedCategories: ['*'] },
    })
  }

  /** Ends the trace window and returns its keystrokes. */
  async take(): Promise<KeyLatency[]> {
    const complete = new Promise<void>((done) =>
      this.cdp.once('Tracing.tracingComplete', () => done()),
    )
    await this.cdp.send('Tracing.end')
    await complete
    const taken = this.latencies
    this.latencies = []
    this.open.clear()
    return taken
  }

  private collect(events: readonly TraceEvent[]): void {
    for (const event of events) {
      // Sub-stages share the id of their EventLatency.
      const key = `${event.pid}:${event.id2?.local ?? ''}`
      if (event.name === 'EventLatency') {
        if (event.ph === 'b') {
          if (event.args?.event_latency?.event_type === 'KEY_PRESSED')
            this.open.set(key, { began: event.ts, frameWait: 0 })
        } else if (event.ph === 'e') {
          const keystroke = this.open.get(key)
          if (keystroke === undefined) continue
          this.open.delete(key)
          this.latencies.push({
            totalMs: (event.ts - keystroke.began) / 1000,
            frameWaitMs: keystroke.frameWait / 1000,
          })
        }
      } else if (event.name === 'RendererMainFinishedToBeginImplFrame') {
        const keystroke = this.open.get(key)
        if (keystroke === undefined) continue
        if (event.ph === 'b') keystroke.waitBegan = event.ts
        else if (event.ph === 'e' && keystroke.waitBegan !== undefined)
          keystroke.frameWait += event.ts - keystroke.waitBegan
      }
    }
  }
}
