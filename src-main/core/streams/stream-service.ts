import type { PointStreams, Stream } from '../../contract/index.js'
import type { StorageWriter } from '../db/storage-writer.js'
import type { CoreEvents } from '../events/core-events.js'
import type { StreamRepository } from '../db/repositories/stream-repository.js'
import { toIso, type Clock } from '../time/clock.js'
import type { StreamPointService } from '../points/stream-point-service.js'

/** No StreamPoint is online and free to take another listener. */
export class NoStreamAvailableError extends Error {
  override readonly name = 'NoStreamAvailableException'
  constructor() {
    super('no stream available: every online StreamPoint is busy or none is online')
  }
}

/** An operation named a stream that does not exist. */
export class UnknownStreamError extends Error {
  override readonly name = 'UnknownStreamError'
}

export interface StreamServiceOptions {
  readonly writer: StorageWriter
  readonly repository: StreamRepository
  readonly points: StreamPointService
  readonly events: CoreEvents
  readonly clock: Clock
}

/** Assigns StreamPoints to listeners (seed: Stream). */
export class StreamService {
  private readonly claim: () => Stream

  constructor(private readonly options: StreamServiceOptions) {
    // Finding a free point and taking it happen in one transaction, so two listeners arriving
    // together cannot both be given the same point.
    this.claim = () =>
      options.writer.run(() => {
        const free = options.points.listFree()[0]
        if (!free) throw new NoStreamAvailableError()
        return options.repository.create(free.uuid, 1, this.nowIso())
      })
  }

  /**
   * A stream on a free point, with this listener counted.
   * @throws NoStreamAvailableError when no point is free.
   */
  getFreeStream(): Stream {
    return this.announce(this.claim())
  }

  get(uuid: string): Stream | undefined {
    return this.options.repository.get(uuid)
  }

  addListener(uuid: string): Stream {
    return this.announce(
      this.required(uuid, this.options.repository.addListeners(uuid, 1, this.nowIso())),
    )
  }

  /** One listener fewer; the count never goes below zero, and at zero the point is free. */
  removeListener(uuid: string): Stream {
    return this.announce(
      this.required(uuid, this.options.repository.addListeners(uuid, -1, this.nowIso())),
    )
  }

  /** Sets the stream's listeners to 0, releasing its point. */
  disconnect(uuid: string): Stream {
    return this.announce(
      this.required(uuid, this.options.repository.setListenerCount(uuid, 0, this.nowIso())),
    )
  }

  /** Streams that have listeners now, newest first. */
  listActive(): Stream[] {
    return this.options.repository.listActive()
  }

  /** Streams with listeners, and listeners, per point uuid, for points that have any. */
  streamsByPoint(): Record<string, PointStreams> {
    return this.options.repository.activeStreamsByPoint()
  }

  /** Releases every stream; returns how many were held. */
  disconnectAll(): number {
    const released = this.options.repository.releaseAllStreams(this.nowIso())
    this.announce(undefined)
    return released
  }

  /** Tells the UI who is busy now; passes the stream through. */
  private announce<T>(result: T): T {
    this.options.events.emit('streams-changed', this.streamsByPoint())
    return result
  }

  private required(uuid: string, stream: Stream | undefined): Stream {
    if (!stream) throw new UnknownStreamError(`no stream ${uuid}`)
    return stream
  }

  private nowIso(): string {
    return toIso(this.options.clock.now())
  }
}
