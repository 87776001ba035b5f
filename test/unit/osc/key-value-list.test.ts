import { describe, expect, it } from 'vitest'
import { parseKeyValueList } from '../../../src-main/core/osc/key-value-list.js'
import { MalformedOscMessageError } from '../../../src-main/core/osc/osc-errors.js'

describe('parseKeyValueList', () => {
  it('pairs keys with the values after them', () => {
    expect({ ...parseKeyValueList(['name', 'a', 'lang_port', 57120]) }).toEqual({
      name: 'a',
      lang_port: 57120,
    })
  })

  it('accepts an empty list', () => {
    expect({ ...parseKeyValueList([]) }).toEqual({})
  })

  it('rejects an odd-length list without echoing its values', () => {
    expect(() => parseKeyValueList(['password', 'hunter2', 'action'])).toThrow(
      MalformedOscMessageError,
    )
    expect(() => parseKeyValueList(['password', 'hunter2', 'action'])).toThrow(
      /odd number of arguments \(3\)/,
    )
    try {
      parseKeyValueList(['password', 'hunter2', 'x'])
    } catch (error) {
      expect(String(error)).not.toContain('hunter2')
    }
  })

  it('rejects a key that is not a string', () => {
    expect(() => parseKeyValueList([1, 'a'])).toThrow(/argument 0 should be a key/)
    expect(() => parseKeyValueList(['', 'a'])).toThrow(MalformedOscMessageError)
  })

  it('cannot be tricked into touching the prototype', () => {
    const fields = parseKeyValueList(['__proto__', 'x', 'constructor', 'y'])
    expect(Object.getPrototypeOf(fields)).toBeNull()
    expect(fields.constructor).toBe('y')
  })
})
