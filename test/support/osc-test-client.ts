import { createSocket, type Socket } from 'node:dgram'
import { encodeOscMessage, type OutgoingOscArgument } from '../../src-main/core/osc/osc-codec.js'

/** Arguments as a test writes them: strings, integers, or explicit OSC types. */
export type TestArgument = string | number | OutgoingOscArgument

function toOsc(argument: TestArgument): OutgoingOscArgument {
  if (typeof argument === 'string') return { type: 's', value: argument }
  if (typeof argument === 'number') {
    return Number.isInteger(argument)
      ? { type: 'i', value: argument }
      : { type: 'f', value: argument }
  }
  return argument
}

/** A UDP socket on 127.0.0.1 that sends OSC (and raw bytes) to a core. */
export class OscTestClient {
  private constructor(private readonly socket: Socket) {}

  static async open(): Promise<OscTestClient> {
    const socket = createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
    return new OscTestClient(socket)
  }

  get port(): number {
    return this.socket.address().port
  }

  async send(port: number, address: string, args: readonly TestArgument[]): Promise<void> {
    await this.sendRaw(port, encodeOscMessage(address, args.map(toOsc)))
  }

  async sendRaw(port: number, datagram: Uint8Array): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.socket.send(datagram, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
    )
  }

  /** Collects the messages this socket receives (it can stand in for an instance). */
  onMessage(listener: (datagram: Buffer) => void): void {
    this.socket.on('message', listener)
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()))
  }
}
