/**
 * A separate process that sends OSC to a port: beacons from 1,000 simulated instances and
 * FINISHED acknowledgements for the uuids in a file, alternating. `--rate max` sends as fast as
 * the socket takes them; a number paces to that many messages per second.
 * Prints one JSON line: { sent, seconds }.
 */
import { createSocket } from 'node:dgram'
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { encodeOscMessage } from '../src-main/core/osc/osc-codec.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    count: { type: 'string' },
    rate: { type: 'string', default: 'max' },
    uuids: { type: 'string' },
  },
})
const port = Number(values.port)
const count = Number(values.count)
const rate = values.rate === 'max' ? Infinity : Number(values.rate)
const uuids: string[] = values.uuids
  ? (JSON.parse(readFileSync(values.uuids, 'utf8')) as string[])
  : []

function message(index: number): Uint8Array {
  const ackIndex = index >> 1
  if (index % 2 === 1 && ackIndex < uuids.length) {
    return encodeOscMessage('/acknowledge', [
      { type: 's', value: 'uuid' },
      { type: 's', value: uuids[ackIndex]! },
      { type: 's', value: 'status' },
      { type: 's', value: 'FINISHED' },
      { type: 's', value: 'return_value' },
      { type: 's', value: String(index) },
    ])
  }
  return encodeOscMessage('/beacon', [
    { type: 's', value: 'name' },
    { type: 's', value: `load-${index % 1000}` },
    { type: 's', value: 'lang_port' },
    { type: 'i', value: 30_000 + (index % 1000) },
    { type: 's', value: 'janus_out_room' },
    { type: 'i', value: index % 1000 },
    { type: 's', value: 'use_input' },
    { type: 'i', value: 0 },
  ])
}

const socket = createSocket('udp4')
socket.bind(0, '127.0.0.1', async () => {
  const started = performance.now()
  let inFlight = 0
  for (let index = 0; index < count; index += 1) {
    inFlight += 1
    socket.send(message(index), port, '127.0.0.1', () => (inFlight -= 1))
    // Keep the send queue short; then either pace or just let the loop breathe.
    if (index % 64 === 63) {
      const due = started + ((index + 1) / rate) * 1000
      while (inFlight > 256 || performance.now() < due)
        await new Promise((resolve) => setImmediate(resolve))
    }
  }
  while (inFlight > 0) await new Promise((resolve) => setImmediate(resolve))
  const seconds = (performance.now() - started) / 1000
  process.stdout.write(`${JSON.stringify({ sent: count, seconds })}\n`)
  socket.close()
})
