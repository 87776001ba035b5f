import { describe, expect, it } from 'vitest'
import { decodeOscDatagram, encodeOscMessage } from '../../../src-main/core/osc/osc-codec.js'
import { MalformedOscMessageError } from '../../../src-main/core/osc/osc-errors.js'

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
    expect(() => decodeOscDatagram(new Uint8Array([1, 2, 3]))).toThrow(MalformedOscMessageError)
    expect(() => decodeOscDatagram(Buffer.from('hello world, not osc'))).toThrow(
      /undecodable OSC packet/,
    )
  })
})

describe('OSC codec framing', () => {
  const message = (address: string): Buffer => Buffer.from(encodeOscMessage(address, []))
  const bundle = (...elements: Buffer[]): Buffer =>
    Buffer.concat([
      Buffer.from('#bundle\0'),
      Buffer.alloc(8),
      ...elements.flatMap((element) => {
        const size = Buffer.alloc(4)
        size.writeInt32BE(element.length)
        return [size, element]
      }),
    ])

  it('flattens nested bundles in order, and reads arguments only when asked', () => {
    const beacon = Buffer.from(
      encodeOscMessage('/beacon', [
        { type: 's', value: 'name' },
        { type: 'i', value: 7 },
      ]),
    )
    // A message whose arguments are cut off: its address still reads, its args throw.
    const cut = beacon.subarray(0, 12)
    const decoded = decodeOscDatagram(bundle(message('/a'), bundle(beacon, cut)))
    expect(decoded.map((m) => m.address)).toEqual(['/a', '/beacon', '/beacon'])
    expect(decoded[1]?.args).toEqual(['name', 7])
    expect(() => decoded[2]?.args).toThrow(/undecodable OSC packet/)
  })

  it('refuses broken framing and bundles nested too deep', () => {
    const good = bundle(message('/a'))
    const overrun = Buffer.from(good)
    overrun.writeInt32BE(9999, 16)
    expect(() => decodeOscDatagram(overrun)).toThrow(/overruns/)
    expect(() => decodeOscDatagram(new Uint8Array(0))).toThrow(/empty/)
    let deep = message('/a')
    for (let n = 0; n < 9; n += 1) deep = bundle(deep)
    expect(() => decodeOscDatagram(deep)).toThrow(/nested/)
    expect(() => decodeOscDatagram(Buffer.from('/no-end'))).toThrow(/address without its end/)
  })
})
