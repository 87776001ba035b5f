export interface CloseOnSignalsOptions {
  /** Closes everything; resolves when it is closed. */
  readonly close: () => Promise<void>
  /** The longest the close may take before the process exits anyway. */
  readonly deadlineMs: number
  readonly print: (line: string) => void
}

/**
 * SIGINT/SIGTERM close what is open and exit 0 (1 when closing fails or outlasts its deadline);
 * a second signal exits at once (130 for SIGINT, 143 for SIGTERM, as a shell reports them), so
 * a performer's second Ctrl+C is never ignored.
 */
export function closeOnSignals({ close, deadlineMs, print }: CloseOnSignalsOptions): void {
  let stopping = false
  const stop = (signal: 'SIGINT' | 'SIGTERM'): void => {
    const code = signal === 'SIGINT' ? 130 : 143
    if (stopping) {
      print(`${signal} again: exiting now`)
      process.exit(code)
    }
    stopping = true
    print(`${signal}: closing (${signal} again to exit at once)`)
    const deadline = setTimeout(() => {
      print(`closing took over ${deadlineMs} ms: exiting`)
      process.exit(1)
    }, deadlineMs)
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        clearTimeout(deadline)
        print(`closing failed: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}
