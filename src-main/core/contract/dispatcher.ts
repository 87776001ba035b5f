import type { GencasterCore } from '../gencaster-core.js'
import { toIso } from '../time/clock.js'
import {
  eventNames,
  requestSchemas,
  stopCode,
  type EventName,
  type EventPayloads,
  type RequestName,
  type RequestResults,
  type Result,
} from './contract.js'

type Handlers = {
  [N in RequestName]: (params: ReturnType<(typeof requestSchemas)[N]['parse']>) => RequestResults[N]
}

/**
 * Serves the contract: validates each request against its schema and answers with a value or an
 * error, never a throw. Both transports (Electron IPC, browser-mode WebSocket) use this one.
 */
export class ContractDispatcher {
  private readonly handlers: Handlers

  constructor(private readonly core: GencasterCore) {
    const documents = core.documents
    const pointsByUuid = (targets: readonly string[]) =>
      targets.map((uuid) => core.points.get(uuid)).filter((point) => point !== undefined)
    this.handlers = {
      snapshot: () => ({
        points: core.points.list(),
        instructions: core.tracker.listRecent(500),
        logs: core.log.query({ limit: 300 }),
        onlineWindowMs: core.settings.onlineWindowSeconds * 1000,
        streamsByPoint: core.streams.streamsByPoint(),
        serverNow: Date.now(),
      }),
      sendCode: ({ code, targets, manualFinish }) => ({
        instructions: pointsByUuid(targets).map((point) =>
          core.tracker.send(point, code, manualFinish ?? false),
        ),
      }),
      stop: ({ targets }) => ({
        instructions: pointsByUuid(targets).map((point) => core.tracker.send(point, stopCode)),
      }),
      speak: ({ text }) => {
        // Refused with its reason until speech is configured (RemoteActionService says why).
        const result = core.remoteActions.perform(
          { action: 'speak', cmd: text },
          'the control room',
        )
        if (!result.ok) throw new Error(result.reason)
        return { instructions: result.instructions }
      },
      queryLogs: (query) => core.log.query(query),
      history: ({ text, limit }) => core.tracker.history(text, limit),
      listStreams: () =>
        core.streams
          .listActive()
          .map((stream) => ({ stream, variables: core.variables.listForStream(stream.uuid) })),
      setVariable: (input) => core.variables.set(input),
      listDocuments: () => documents.list(),
      saveDocument: ({ uuid, title, text, position }) =>
        documents.save({ uuid, title, text, position: position ?? 0, nowIso: toIso(Date.now()) }),
      deleteDocument: ({ uuid }) => ({ deleted: documents.delete(uuid) }),
      // Only to a UI that is already trusted (IPC, or a WebSocket behind the session token).
      remotePassword: () => ({
        password: core.remotePassword.password,
        source: core.remotePassword.source,
        file: core.remotePassword.file,
      }),
    }
  }

  /** Answers one request; unknown methods and bad parameters come back as errors. */
  handle(method: string, params: unknown): Result<unknown> {
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
      return { ok: true, value: handler(parsed.data) }
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
  }

  /** Forwards every core event; the returned function unsubscribes. */
  subscribe(
    listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
  ): () => void {
    const disposers = eventNames.map((name) =>
      this.core.events.on(name, (payload) => listener(name, payload as EventPayloads[typeof name])),
    )
    return () => disposers.forEach((dispose) => dispose())
  }
}
