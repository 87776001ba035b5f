/**
 * `npm run bench`: every benchmark, each against its baseline measured in the same run.
 * `npm run bench -- ingest` (or `round-trip`, `fan-out`, `fuzz`, `ui`) runs one; UI_BENCH_MINUTES shortens
 * the UI run.
 */
import { hasTool } from '../test/support/required-tool.js'
import { benchFanOut } from './fan-out.js'
import { benchInstructionRoundTrip } from './instruction-round-trip.js'
import { benchOscFuzz } from './osc-fuzz.js'
import { benchOscIngest } from './osc-ingest.js'
import { benchUiTyping } from './ui-typing.js'

const only = process.argv[2]
console.log(`Gencaster Desktop benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`)
if (only === undefined || only === 'ingest') {
  await benchOscIngest()
  console.log()
}
if (only === undefined || only === 'fuzz') {
  await benchOscFuzz()
  console.log()
}
if (only === undefined || only === 'round-trip') {
  if (hasTool('sclang')) await benchInstructionRoundTrip()
  else
    console.log(
      'Instruction round trip: skipped, sclang not found (Debian: supercollider-language)',
    )
}
if (only === undefined || only === 'fan-out') {
  console.log()
  await benchFanOut()
}
if (only === undefined || only === 'ui') {
  console.log()
  if (hasTool('chromium')) await benchUiTyping()
  else console.log('Control room in Chromium: skipped, chromium not found (Debian: chromium)')
}
