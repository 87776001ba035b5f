import { describe, expect, it } from 'vitest'
import { parseRequestFrame } from '../../../src-main/headless/request-frame.js'

const parse = (text: string) => parseRequestFrame(Buffer.from(text), false)

describe('request frames', () => {
  it('reads a well-formed frame', () => {
    expect(parse('{"id":3,"method":"snapshot","params":{}}')).toEqual({
      ok: true,
      frame: { id: 3, method: 'snapshot', params: {} },
    })
  })

  it('refuses other shapes with the id to answer to when it can be read', () => {
    expect(parse('{"id":3,"method":7}')).toMatchObject({ ok: false, id: 3 })
    expect(parse('{"id":-1,"method":"snapshot"}')).toMatchObject({ ok: false, id: null })
    expect(parse('{"id":1.5,"method":"snapshot"}')).toMatchObject({ ok: false, id: null })
    expect(parse(`{"id":4,"method":"${'m'.repeat(65)}"}`)).toMatchObject({ ok: false, id: 4 })
    for (const text of ['null', 'true', '[1]', '"x"', '{"id":[[[1]]],"method":"m"}'])
      expect(parse(text)).toMatchObject({ ok: false, id: null })
    expect(parseRequestFrame(Buffer.from([0xc3, 0x28]), false)).toMatchObject({
      ok: false,
      error: 'frame is not valid UTF-8',
    })
    expect(parseRequestFrame(Buffer.from('{}'), true)).toMatchObject({ ok: false })
  })
})
