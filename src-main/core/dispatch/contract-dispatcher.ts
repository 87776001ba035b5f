import {
  requestSchemas,
  type EventName,
  type EventPayloads,
  type RequestName,
  type Result,
} from '../../contract/index.js'
import type { ContractHandlers } from './contract-handlers.js'

/** Hands every wire event to `listener`; the returned function unsubscribes. */
export type WireEventSource = (
  listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
) => () => void

/**
 * Serves the contract: validates each request against its schema and answers with a value or an
 * error, never a throw. Both transports (Electron IPC, browser-mode WebSocket) use this one. It
 * knows no domain: the handlers come from the domains' `setupX()`, wired by the core.
 */
export class ContractDispatcher {
  constructor(
    private readonly handlers: ContractHandlers,
    private readonly events: WireEventSource,
  ) {}

  /** Answers one request; unknown methods and bad parameters come back as errors. */
  async handle(method: string, params: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(requestSchemas, method))
      return { ok: false, error: `unknown request ${method}` }
    const name = method as RequestName
    const parsed = requestSchemas[name].safeParse(params ?? {})
    if (!parsed.success) {
      const reasons = parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`,
      )
      return { ok: false, error: `bad ${name} request: ${reasons.join('; ')}` }
    }
    try {
      const handler = this.handlers[name] as (params: unknown) => unknown
      return { ok: true, value: await handler(parsed.data) }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  }

  /** Forwards every wire event; the returned function unsubscribes. */
  subscribe(
    listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
  ): () => void {
    return this.events(listener)
  }
}
