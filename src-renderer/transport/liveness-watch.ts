/** How often a quiet link is asked for a sign of life. */
export const defaultLivenessIntervalMs = 2500

/**
 * While connected, asks the core for a sign of life every `intervalMs` in which it was quiet. A pulled cable or a
 * dropped Wi-Fi closes nothing, so without this the page would say "connected" for minutes
 * while every request ran into its deadline; a ping without an answer in time restarts the
 * link instead, and the page says "disconnected" within a few seconds.
 */
export class LivenessWatch {
  private timer: ReturnType<typeof setInterval> | undefined
  private inFlight = false

  constructor(
    /** Resolves true when the core answered in time. */
    private readonly ping: () => Promise<boolean>,
    private readonly onSilent: () => void,
    /** True while the link shows life by itself (frames arriving, answers owed): no ping. */
    private readonly busy: () => boolean,
    private readonly intervalMs = defaultLivenessIntervalMs,
  ) {}

  /** Follows the connection: watches while connected, rests otherwise. */
  connectionChanged(connected: boolean): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.inFlight = false
    if (connected) this.timer = setInterval(() => this.check(), this.intervalMs)
  }

  stop(): void {
    this.connectionChanged(false)
  }

  private check(): void {
    if (this.inFlight || this.busy()) return
    this.inFlight = true
    const timer = this.timer
    void this.ping().then((alive) => {
      // A ping of an earlier connection says nothing about this one.
      if (timer !== this.timer) return
      this.inFlight = false
      if (!alive) this.onSilent()
    })
  }
}
