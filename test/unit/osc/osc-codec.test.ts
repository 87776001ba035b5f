import { describe, expect, it } from 'vitest'
import { decodeOscDatagram, encodeOscMessage } from '../../../src-main/core/osc/osc-codec.js'
import { MalformedOscMessage } from '../../../src-main/core/osc/osc-errors.js'

describe('OSC codec', () => {
  it('round-trips an instruction with manual_finish as OSC T/F', () => {
    const bytes = encodeOscMessage('/instruction', [
      { type: 's', value: 'uuid-1' },
      { type: 's', value: '1+1' },
      { type: 'T' },
    ])
    // The type tag string is ",ssT": the boolean travels as a tag, not as an int.
    expect(Buffer.from(bytes).toString('latin1')).toContain(',ssT')
    expect(decodeOscDatagram(bytes)).toEqual([
      { address: '/instruction', args: ['uuid-1', '1+1', true] },
    ])
  })

  it('rejects bytes that are not OSC', () => {
    expect(() => decodeOscDatagram(new Uint8Array([1, 2, 3]))).toThrow(MalformedOscMessage)
    expect(() => decodeOscDatagram(Buffer.from('hello world, not osc'))).toThrow(
      /undecodable OSC packet/,
    )
  })
})
