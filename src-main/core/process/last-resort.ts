/**
 * The process's last resort: an error no edge caught is logged and the core keeps running.
 * Node's default would end the process, and with it the OSC server every instance on stage
 * beacons to; one bad request must never stop the show. The edges answer errors as values;
 * this only catches what they missed, so each line here is a bug to fix.
 */
export function installLastResort(log: (message: string) => void): void {
  const report = (kind: string, error: unknown) => {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    try {
      log(`${kind} (kept running): ${text}`)
    } catch (failure) {
      console.error(`${kind} (kept running): ${text}; logging it failed: ${String(failure)}`)
    }
  }
  process.on('uncaughtException', (error) => report('uncaught exception', error))
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason))
}
