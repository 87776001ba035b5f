import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'

export interface OscServerOptions {
  readonly host: string
  readonly port: number
  /** Called for every datagram, with who sent it; must not throw. */
  readonly onDatagram: (datagram: Buffer, sender: RemoteInfo) => void
  /** Called when the socket reports an error after it started (e.g. a failed send). */
  readonly onSocketError: (error: Error) => void
}

/** The address a start() bound to. */
export interface BoundAddress {
  readonly host: string
  readonly port: number
}

/** Port already taken or address not available: the message says which. */
export class OscBindError extends Error {
  override readonly name = 'OscBindError'
}

/**
 * The UDP socket instances beacon to. It receives and sends raw datagrams; decoding and routing
 * live elsewhere so that this file only deals with the socket's lifecycle.
 */
export class OscServer {
  private socket: Socket | undefined

  constructor(private readonly options: OscServerOptions) {}

  async start(): Promise<BoundAddress> {
    const socket = createSocket({ type: 'udp4', reuseAddr: false })
    await new Promise<void>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        socket.close()
        reject(new OscBindError(describeBindError(error, this.options.host, this.options.port)))
      }
      socket.once('error', onError)
      socket.bind(this.options.port, this.options.host, () => {
        socket.off('error', onError)
        resolve()
      })
    })
    // A large receive buffer absorbs bursts (1,000 instances beaconing, many acknowledgements
    // at once) while the event loop is busy writing to the database.
    try {
      socket.setRecvBufferSize(8 * 1024 * 1024)
    } catch {
      // The kernel may cap it; the default still works, only bursts are less well absorbed.
    }
    socket.on('message', (datagram, sender) => this.options.onDatagram(datagram, sender))
    socket.on('error', (error) => this.options.onSocketError(error))
    this.socket = socket
    const address = socket.address()
    return { host: address.address, port: address.port }
  }

  /** Sends one datagram; a failure is reported through `onSocketError`. */
  send(datagram: Uint8Array, port: number, host: string): void {
    const socket = this.socket
    if (!socket) throw new Error('OSC server is not running')
    socket.send(datagram, port, host, (error) => {
      if (error) this.options.onSocketError(error)
    })
  }

  async close(): Promise<void> {
    const socket = this.socket
    this.socket = undefined
    if (!socket) return
    await new Promise<void>((resolve) => socket.close(() => resolve()))
  }
}

function describeBindError(error: NodeJS.ErrnoException, host: string, port: number): string {
  if (error.code === 'EADDRINUSE') {
    return `OSC port ${port} on ${host} is already taken (is another Gencaster running?); choose another with --osc-port`
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return `cannot listen for OSC on ${host}: that address is not on this machine; check --osc-host`
  }
  if (error.code === 'EACCES') {
    return `not allowed to listen for OSC on ${host}:${port}; use a port above 1023`
  }
  return `cannot listen for OSC on ${host}:${port}: ${error.message}`
}
