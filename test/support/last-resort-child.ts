/**
 * A process with the last resort installed that throws from a timer and rejects a promise no
 * one awaits, then says it is still alive: run by last-resort.test.ts.
 */
import { installLastResort } from '../../src-main/core/process/last-resort.js'

installLastResort((message) => console.log(`logged: ${message.split('\n')[0]}`))
setTimeout(() => {
  throw new Error('thrown from a timer')
}, 10)
setTimeout(() => void Promise.reject(new Error('rejected, never awaited')), 20)
setTimeout(() => {
  console.log('still alive')
  process.exit(0)
}, 200)
