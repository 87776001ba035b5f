import type {
  GencasterApi,
  InstructionView,
  StreamLogEntry,
  StreamPoint,
} from '../../src-main/contract'
import type { Transport } from '../transport/transport'
import { loadDocuments } from './actions'
import type { AppStore } from './store'

/**
 * Feeds the store from the transport: a snapshot on every (re)connection, then events. Events
 * are gathered and applied once per animation frame: a burst of beacons costs one render, and a
 * core event is on screen in the next frame.
 */
export function connectStore(api: Transport, store: AppStore): () => void {
  let points: StreamPoint[] = []
  let instructions: InstructionView[] = []
  let logs: StreamLogEntry[] = []
  let frame: number | undefined

  const flush = () => {
    frame = undefined
    const state = store.getState()
    if (points.length) state.applyPoints(points)
    if (instructions.length) {
      state.applyInstructions(instructions)
      state.trackInstructions(instructions)
      state.pruneInstructions()
    }
    if (logs.length) state.addLogs(logs)
    points = []
    instructions = []
    logs = []
  }
  const schedule = () => {
    frame ??= requestAnimationFrame(flush)
  }

  const disposers = [
    api.on('point-changed', (point) => (points.push(point), schedule())),
    api.on('instruction-changed', (instruction) => (instructions.push(instruction), schedule())),
    api.on('log-added', (entry) => (logs.push(entry), schedule())),
    api.on('streams-changed', (streamsByPoint) => store.setState({ streamsByPoint })),
    api.on('storage-changed', (storage) => store.setState({ storage })),
    followConnection(api, store),
    // Stays until dismissed or a connection is back; the page is not reloaded, so the editor
    // keeps its unsaved text for the new link.
    api.onLinkRefused(() => store.getState().raiseAlert('link', linkRefusedText)),
  ]
  return () => {
    disposers.forEach((dispose) => dispose())
    if (frame !== undefined) cancelAnimationFrame(frame)
  }
}

/** The banner of a page whose link the core no longer takes. */
export const linkRefusedText =
  'This link is no longer valid: the core has a new token. Open the new link it printed.'

/**
 * Shows the connection, and on every (re)connection loads the core's current state; the tabs
 * once, as the editor holds newer text than the core after a reconnect.
 */
function followConnection(api: Transport, store: AppStore): () => void {
  let documents: Promise<void> | undefined
  return api.onConnection((connection) => {
    store.getState().setConnection(connection)
    if (connection !== 'connected') return
    store.getState().dismissAlert('link')
    void loadSnapshot(api, store)
    if (store.getState().documents.length === 0)
      documents ??= loadDocuments(api, store).finally(() => (documents = undefined))
  })
}

/** Loads the core's current state into the store; a failure stays on screen until one loads. */
export async function loadSnapshot(api: GencasterApi, store: AppStore): Promise<void> {
  const snapshot = await api.request('snapshot', {})
  if (!snapshot.ok) {
    store.getState().raiseAlert('snapshot', `The core's state did not load: ${snapshot.error}`)
    return
  }
  store.getState().dismissAlert('snapshot')
  const { points, instructions, logs, onlineWindowMs, serverNow, streamsByPoint, storage } =
    snapshot.value
  const state = store.getState()
  store.setState({ onlineWindowMs, clockOffsetMs: serverNow - Date.now(), streamsByPoint, storage })
  state.applyPoints(points)
  const oldestFirst = [...instructions].reverse()
  state.applyInstructions(oldestFirst)
  state.trackInstructions(oldestFirst)
  store.setState({ logs })
}
