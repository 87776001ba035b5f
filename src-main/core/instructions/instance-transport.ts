/** Where an instance listens for instructions: its host and sclang port. */
export interface InstanceAddress {
  readonly host: string
  readonly port: number
}

/** The port through which the core reaches instances (OSC over UDP in production). */
export interface InstanceTransport {
  /**
   * Sends `/instruction [uuid, code, manual_finish]`.
   * @throws when the instruction cannot be put on the wire at all (too large for one datagram,
   *   the socket closed); the tracker then marks it FAILURE with the reason. A send that fails
   *   later is reported by the socket's error listener.
   */
  sendInstruction(
    to: InstanceAddress,
    instruction: { readonly uuid: string; readonly code: string; readonly manualFinish: boolean },
  ): void
}
