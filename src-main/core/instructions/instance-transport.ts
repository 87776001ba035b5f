/** Where an instance listens for instructions: its host and sclang port. */
export interface InstanceAddress {
  readonly host: string
  readonly port: number
}

/** The port through which the core reaches instances (OSC over UDP in production). */
export interface InstanceTransport {
  /** Sends `/instruction [uuid, code, manual_finish]`. Failures are reported, not thrown. */
  sendInstruction(
    to: InstanceAddress,
    instruction: { readonly uuid: string; readonly code: string; readonly manualFinish: boolean },
  ): void
}
