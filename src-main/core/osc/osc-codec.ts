import osc, { type OscPacket } from 'osc'
import { MalformedOscMessageError } from './osc-errors.js'

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

/** Bundles inside bundles deeper than this are refused: nobody needs them, a flood might. */
const maxBundleDepth = 8
const bundleTag = Buffer.from('#bundle\0')
const utf8 = new TextDecoder('utf-8')

/**
 * Decodes a UDP datagram into its messages; a bundle is flattened in order. Only the framing
 * and each message's address are read here; a message's arguments are decoded when first
 * read, so a bundle of thousands of messages to routes that do not exist costs little.
 * @throws MalformedOscMessageError when the datagram is not framed as OSC; reading `args` throws
 *   it when that message's arguments cannot be decoded.
 */
export function decodeOscDatagram(datagram: Uint8Array): DecodedOscMessage[] {
  const messages: DecodedOscMessage[] = []
  walk(datagram, messages, 0)
  return messages
}

function walk(bytes: Uint8Array, into: DecodedOscMessage[], depth: number): void {
  if (bytes[0] === 0x2f) {
    into.push(lazyMessage(bytes))
    return
  }
  if (bytes.length < 16 || !bundleTag.equals(bytes.subarray(0, 8))) {
    throw new MalformedOscMessageError(
      `undecodable OSC packet (${bytes.length === 0 ? 'empty' : 'neither a message nor a bundle'})`,
    )
  }
  if (depth >= maxBundleDepth) {
    throw new MalformedOscMessageError(
      `undecodable OSC packet (bundles nested over ${maxBundleDepth} deep)`,
    )
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (let offset = 16; offset < bytes.length;) {
    const size = offset + 4 <= bytes.length ? view.getInt32(offset) : -1
    if (size <= 0 || offset + 4 + size > bytes.length) {
      throw new MalformedOscMessageError(
        'undecodable OSC packet (a bundle element overruns the bundle)',
      )
    }
    walk(bytes.subarray(offset + 4, offset + 4 + size), into, depth + 1)
    offset += 4 + size
  }
}

function lazyMessage(bytes: Uint8Array): DecodedOscMessage {
  const end = bytes.indexOf(0)
  if (end < 0)
    throw new MalformedOscMessageError('undecodable OSC packet (address without its end)')
  const address = decodeAddress(bytes.subarray(0, end))
  let args: readonly unknown[] | undefined
  return {
    address,
    get args() {
      args ??= decodeArguments(bytes)
      return args
    },
  }
}

/** Short ASCII addresses (all real ones) without a TextDecoder call: a flood has thousands. */
function decodeAddress(bytes: Uint8Array): string {
  if (bytes.length > 64) return utf8.decode(bytes)
  let text = ''
  for (const byte of bytes) {
    if (byte >= 0x80) return utf8.decode(bytes)
    text += String.fromCharCode(byte)
  }
  return text
}

function decodeArguments(bytes: Uint8Array): readonly unknown[] {
  let packet: OscPacket
  try {
    packet = osc.readPacket(bytes, readOptions)
  } catch (error) {
    throw new MalformedOscMessageError(`undecodable OSC packet (${describe(error)})`)
  }
  return 'address' in packet && Array.isArray(packet.args) ? packet.args : []
}

/** Encodes one message for the wire. */
export function encodeOscMessage(
  address: string,
  args: readonly OutgoingOscArgument[],
): Uint8Array {
  return osc.writePacket({ address, args: [...args] }, { metadata: true })
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
