interface Pending {
  readonly settle: (result: Result<unknown>) => void
  readonly timer: ReturnType<typeof setTimeout>
}

/**
 * The requests on their way to the core, by id: each gets a deadline, and everything pending
 * fails together when the connection drops. An answer after its request has failed is dropped.
 */
export class RequestTable {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  /**
   * Opens a request under a new id and hands the id to `send`; resolves with the answer, or
   * with an error when `deadlineMs` passes or `send` throws.
   */
  open(deadlineMs: number, send: (id: number) => void): Promise<Result<unknown>> {
    const id = this.nextId++
    return new Promise((settle) => {
      const timer = setTimeout(
        () => this.settle(id, { ok: false, error: noAnswerError(deadlineMs) }),
        deadlineMs,
      )
      this.pending.set(id, { settle, timer })
      try {
        send(id)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        this.settle(id, { ok: false, error: `not sent: ${reason}` })
      }
    })
  }

  /** Delivers an answer; unknown ids (failed already, or never ours) are ignored. */
  settle(id: number, result: Result<unknown>): void {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    clearTimeout(pending.timer)
    pending.settle(result)
  }

  /** Fails every pending request with `error`. */
  failAll(error: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { ok: false, error })
  }

  get size(): number {
    return this.pending.size
  }
}

/** The failure a request gets when its deadline passes. */
export function noAnswerError(deadlineMs: number): string {
  return `no answer from the core within ${Math.round(deadlineMs / 100) / 10} s`
}
import type { Result } from '../../src-main/contract'
