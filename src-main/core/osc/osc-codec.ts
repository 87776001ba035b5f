import osc, { type OscPacket } from 'osc'
import { MalformedOscMessage } from './osc-errors.js'

/** One decoded OSC message: its address and plain JavaScript arguments. */
export interface DecodedOscMessage {
  readonly address: string
  readonly args: readonly unknown[]
}

/** An argument for an outgoing message, typed so that booleans go out as OSC T/F. */
export type OutgoingOscArgument =
  | { readonly type: 's'; readonly value: string }
  | { readonly type: 'i'; readonly value: number }
  | { readonly type: 'f'; readonly value: number }
  | { readonly type: 'T' }
  | { readonly type: 'F' }

const readOptions = { metadata: false, unpackSingleArgs: false } as const

/**
 * Decodes a UDP datagram into its messages; a bundle is flattened in order.
 * @throws MalformedOscMessage when the datagram is not valid OSC.
 */
export function decodeOscDatagram(datagram: Uint8Array): DecodedOscMessage[] {
  let packet: OscPacket
  try {
    packet = osc.readPacket(datagram, readOptions)
  } catch (error) {
    throw new MalformedOscMessage(`undecodable OSC packet (${describe(error)})`)
  }
  const messages: DecodedOscMessage[] = []
  flatten(packet, messages)
  return messages
}

/** Encodes one message for the wire. */
export function encodeOscMessage(
  address: string,
  args: readonly OutgoingOscArgument[],
): Uint8Array {
  return osc.writePacket({ address, args: [...args] }, { metadata: true })
}

function flatten(packet: OscPacket, into: DecodedOscMessage[]): void {
  if ('address' in packet) {
    if (typeof packet.address !== 'string' || !packet.address.startsWith('/')) {
      throw new MalformedOscMessage('OSC message without a valid address')
    }
    into.push({ address: packet.address, args: Array.isArray(packet.args) ? packet.args : [] })
    return
  }
  for (const inner of packet.packets) flatten(inner, into)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
