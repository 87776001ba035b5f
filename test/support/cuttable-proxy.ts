import { createConnection, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy on 127.0.0.1 standing in for the venue's network between a tablet and the core.
 * `cut()` pulls the cable: bytes stop flowing both ways and new connections hang, but nothing is
 * closed (as with Wi-Fi gone, nobody tells either end). `restore()` plugs it back in: held
 * connections are dropped, as their peers would have given up on them, and new ones flow.
 */
export class CuttableProxy {
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>()
  private readonly held = new Set<Socket>()
  private cutOff = false

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<CuttableProxy> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const address = server.address()
    if (typeof address !== 'object' || address === null) throw new Error('proxy has no port')
    const proxy = new CuttableProxy(server, address.port)
    server.on('connection', (client) => proxy.accept(client, targetPort))
    return proxy
  }

  /** Pulls the cable. */
  cut(): void {
    this.cutOff = true
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream)
      upstream.unpipe(client)
      client.pause()
      upstream.pause()
    }
  }

  /** Plugs the cable back in. */
  restore(): void {
    this.cutOff = false
    for (const { client, upstream } of this.pairs) {
      client.destroy()
      upstream.destroy()
    }
    this.pairs.clear()
    for (const client of this.held) client.destroy()
    this.held.clear()
  }

  async close(): Promise<void> {
    this.restore()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: Socket, targetPort: number): void {
    client.on('error', () => client.destroy())
    if (this.cutOff) {
      client.pause()
      this.held.add(client)
      return
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort })
    const pair = { client, upstream }
    this.pairs.add(pair)
    upstream.on('error', () => client.destroy())
    const forget = () => {
      this.pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('close', forget)
    upstream.on('close', forget)
    client.pipe(upstream)
    upstream.pipe(client)
  }
}
