/** An OSC bundle (timetag 0) of already encoded messages, each with its length: one datagram. */
export function encodeOscBundle(messages: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [Buffer.from('#bundle\0'), Buffer.alloc(8)]
  for (const message of messages) {
    const length = Buffer.alloc(4)
    length.writeInt32BE(message.length)
    parts.push(length, Buffer.from(message))
  }
  return Buffer.concat(parts)
}
