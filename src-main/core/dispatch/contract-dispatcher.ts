import {
  eventNames,
  requestSchemas,
  stopCode,
  type EventName,
  type EventPayloads,
  type RequestName,
  type RequestResults,
  type Result,
} from '../../contract/index.js'
import type { GencasterCore } from '../gencaster-core.js'
import { toIso } from '../time/clock.js'
import { instructionView, wireEvent, withinBudget } from './wire-events.js'

type Handlers = {
  [N in RequestName]: (
    params: ReturnType<(typeof requestSchemas)[N]['parse']>,
  ) => RequestResults[N] | Promise<RequestResults[N]>
}

/**
 * Bounds in bytes (UTF-16 code units, close enough) of what one answer carries: a flooded log
 * once made a 40 MB snapshot that every page load and reconnect waited half a second for.
 */
const snapshotLogBudget = 1024 * 1024
const queryLogBudget = 2 * 1024 * 1024
const historyBudget = 2 * 1024 * 1024
const logSize = (entry: { message: string }) => entry.message.length + 200
const historySize = (row: { code: string }) => row.code.length + 100

/**
 * Serves the contract: validates each request against its schema and answers with a value or an
 * error, never a throw. Both transports (Electron IPC, browser-mode WebSocket) use this one.
 */
export class ContractDispatcher {
  private readonly handlers: Handlers

  constructor(private readonly core: GencasterCore) {
    const documents = core.documents
    // Each point once: a list naming one point 10,000 times is still one instruction to it.
    const pointsByUuid = (targets: readonly string[]) =>
      [...new Set(targets)]
        .map((uuid) => core.points.get(uuid))
        .filter((point) => point !== undefined)
    this.handlers = {
      snapshot: () => ({
        points: core.points.list(),
        instructions: core.tracker.listRecent(500).map(instructionView),
        logs: withinBudget(core.log.query({ limit: 300 }), logSize, snapshotLogBudget),
        onlineWindowMs: core.settings.onlineWindowSeconds * 1000,
        streamsByPoint: core.streams.streamsByPoint(),
        serverNow: Date.now(),
        storage: core.storage.health,
      }),
      ping: () => ({ serverNow: Date.now() }),
      sendCode: async ({ code, targets, manualFinish }) => ({
        instructions: (
          await core.tracker.sendToMany(pointsByUuid(targets), code, manualFinish ?? false)
        ).map(instructionView),
      }),
      stop: async ({ targets }) => ({
        instructions: (await core.tracker.sendToMany(pointsByUuid(targets), stopCode)).map(
          instructionView,
        ),
      }),
      speak: async ({ text }) => {
        // Refused with its reason until speech is configured (RemoteActionService says why).
        const result = await core.remoteActions.perform(
          { action: 'speak', cmd: text },
          'the control room',
        )
        if (!result.ok) throw new Error(result.reason)
        return { instructions: result.instructions.map(instructionView) }
      },
      queryLogs: (query) => withinBudget(core.log.query(query), logSize, queryLogBudget),
      history: ({ text, limit }) =>
        withinBudget(core.tracker.history(text, limit), historySize, historyBudget),
      listStreams: () =>
        core.streams
          .listActive()
          .map((stream) => ({ stream, variables: core.variables.listForStream(stream.uuid) })),
      setVariable: (input) => {
        const { variable, instruction } = core.variables.set(input)
        return { variable, instruction: instruction && instructionView(instruction) }
      },
      listDocuments: () => documents.list(),
      saveDocument: ({ uuid, title, text, position, baseRevision, origin }) =>
        documents.save({
          uuid,
          title,
          text,
          position: position ?? 0,
          nowIso: toIso(Date.now()),
          baseRevision,
          savedBy: origin,
        }),
      getDocument: ({ uuid }) => documents.get(uuid) ?? null,
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

  /** Forwards every core event as its wire event; the returned function unsubscribes. */
  subscribe(
    listener: <E extends EventName>(event: E, payload: EventPayloads[E]) => void,
  ): () => void {
    const forward = <E extends EventName>(name: E) =>
      this.core.events.on(name, (payload) => listener(name, wireEvent(name, payload)))
    const disposers = eventNames.map(forward)
    return () => disposers.forEach((dispose) => dispose())
  }
}
