import type { InstanceAddress, InstanceTransport } from '../instructions/instance-transport.js'
import { encodeOscMessage } from './osc-codec.js'
import type { OscServer } from './osc-server.js'

/** The largest UDP payload over IPv4; an instruction must fit in one datagram. */
export const maxUdpPayloadBytes = 65_507

/** An instruction that could not be put on the wire at all. */
export class InstructionNotSentError extends Error {
  override readonly name = 'InstructionNotSentError'
}

/** Sends `/instruction [uuid, code, manual_finish as T/F]` from the OSC server's own socket. */
export class OscInstanceTransport implements InstanceTransport {
  constructor(private readonly server: OscServer) {}

  sendInstruction(
    to: InstanceAddress,
    instruction: { readonly uuid: string; readonly code: string; readonly manualFinish: boolean },
  ): void {
    const datagram = encodeOscMessage('/instruction', [
      { type: 's', value: instruction.uuid },
      { type: 's', value: instruction.code },
      { type: instruction.manualFinish ? 'T' : 'F' },
    ])
    if (datagram.byteLength > maxUdpPayloadBytes) {
      throw new InstructionNotSentError(
        `code too large for one UDP datagram (${datagram.byteLength} bytes, at most ${maxUdpPayloadBytes})`,
      )
    }
    this.server.send(datagram, to.port, to.host)
  }
}
