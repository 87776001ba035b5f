/** Minimal typings for the parts of the `osc` package (osc.js) that the core uses. */
declare module 'osc' {
  export interface OscReadOptions {
    metadata?: boolean
    unpackSingleArgs?: boolean
  }
  export interface OscTypedArgument {
    type: string
    value?: unknown
  }
  export interface OscMessage {
    address: string
    args: unknown[]
  }
  export interface OscBundle {
    timeTag: unknown
    packets: OscPacket[]
  }
  export type OscPacket = OscMessage | OscBundle
  export function readPacket(data: Uint8Array, options?: OscReadOptions): OscPacket
  export function writePacket(packet: OscPacket, options?: OscReadOptions): Uint8Array
  const osc: {
    readPacket: typeof readPacket
    writePacket: typeof writePacket
  }
  export default osc
}
