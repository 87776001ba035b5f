import type { Result } from '../../src-main/contract'
import { PendingTable } from '../../src-main/common/pending-table'

interface Pending {
  readonly settle: (result: Result<unknown>) => void
  /** How long the request may wait, for the message it fails with. */
  readonly waitMs: number
}

/**
 * The requests on their way to the core, by id, in the shared pending table: each gets a
 * deadline, and everything pending fails together when the connection drops. An answer after
 * its request has failed is dropped.
 */
export class RequestTable {
  private nextId = 1
  private readonly pending = new PendingTable<number, Pending>({
    onExpired: (expired) => {
      for (const { value } of expired) {
        value.settle({ ok: false, error: noAnswerError(value.waitMs) })
      }
    },
  })

  /**
   * Opens a request under a new id and hands the id to `send`; resolves with the answer, or
   * with an error when `deadlineMs` passes or `send` throws.
   */
  open(deadlineMs: number, send: (id: number) => void): Promise<Result<unknown>> {
    const id = this.nextId++
    return new Promise((settle) => {
      this.pending.add(id, { settle, waitMs: deadlineMs }, Date.now() + deadlineMs)
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
    this.pending.take(id)?.settle(result)
  }

  /** Fails every pending request with `error`. */
  failAll(error: string): void {
    for (const { value } of this.pending.closeAll()) value.settle({ ok: false, error })
  }

  get size(): number {
    return this.pending.size
  }
}

/** The failure a request gets when its deadline passes. */
export function noAnswerError(deadlineMs: number): string {
  return `no answer from the core within ${Math.round(deadlineMs / 100) / 10} s`
}
