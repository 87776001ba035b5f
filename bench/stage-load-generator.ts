/**
 * A stage in one process: 1,000 instances beaconing every 5 s (200 beacons per second) and
 * 200 console lines per second, over real UDP to a core, until killed.
 */
import { createSocket } from 'node:dgram'
import { parseArgs } from 'node:util'
import { encodeOscMessage } from '../src-main/core/osc/osc-codec.js'

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    points: { type: 'string', default: '1000' },
    'logs-per-second': { type: 'string', default: '200' },
  },
})
const port = Number(values.port)
const points = Number(values.points)
const logsPerSecond = Number(values['logs-per-second'])
const beaconIntervalMs = 5000
const tickMs = 50
const socket = createSocket('udp4')
// Console lines leave from several ports, as from several instances: the core stores 200 lines
// per sender address and port in 10 s, and one socket at 200 lines a second would pass that.
const logSockets = Array.from({ length: 20 }, () => createSocket('udp4'))
for (const logSocket of logSockets) logSocket.bind(0, '127.0.0.1')

const beacon = (n: number) =>
  encodeOscMessage('/beacon', [
    { type: 's', value: 'name' },
    { type: 's', value: `stage-${String(n).padStart(4, '0')}` },
    { type: 's', value: 'lang_port' },
    { type: 'i', value: 40_000 + n },
    { type: 's', value: 'janus_out_room' },
    { type: 'i', value: n },
    { type: 's', value: 'janus_out_port' },
    { type: 'i', value: 20_000 + n },
    { type: 's', value: 'use_input' },
    { type: 'i', value: n % 2 },
  ])
let logLine = 0
const log = () => {
  logLine += 1
  return encodeOscMessage('/log', [
    { type: 's', value: 'level' },
    { type: 's', value: logLine % 10 === 0 ? 'WARNING' : 'INFO' },
    { type: 's', value: 'message' },
    { type: 's', value: `console line ${logLine}` },
    { type: 's', value: 'lang_port' },
    { type: 'i', value: 40_000 + (logLine % points) },
  ])
}

socket.bind(0, '127.0.0.1', () => {
  for (let n = 0; n < points; n += 1) socket.send(beacon(n), port, '127.0.0.1')
  let tick = 0
  const perTickBeacons = (points * tickMs) / beaconIntervalMs
  const perTickLogs = (logsPerSecond * tickMs) / 1000
  setInterval(() => {
    // Each tick beacons the next slice of points, so every point beacons once per interval.
    const start = Math.floor(tick * perTickBeacons)
    const end = Math.floor((tick + 1) * perTickBeacons)
    for (let n = start; n < end; n += 1) socket.send(beacon(n % points), port, '127.0.0.1')
    for (let n = 0; n < perTickLogs; n += 1) {
      logSockets[logLine % logSockets.length]!.send(log(), port, '127.0.0.1')
    }
    tick += 1
  }, tickMs)
})
process.on('SIGTERM', () => process.exit(0))
