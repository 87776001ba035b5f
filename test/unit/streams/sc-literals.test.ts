import { describe, expect, it } from 'vitest'
import {
  ndefCode,
  scStringLiteral,
  scValueLiteral,
} from '../../../src-main/core/streams/sc-literals.js'

describe('sclang literals', () => {
  it('sends plain numbers as numbers', () => {
    expect(scValueLiteral('0.5')).toBe('0.5')
    expect(scValueLiteral(' -3 ')).toBe('-3')
    expect(scValueLiteral('1e3')).toBe('1000')
    expect(scValueLiteral('.5')).toBe('0.5')
  })

  it('sends everything else as an escaped string', () => {
    expect(scValueLiteral('hello')).toBe('"hello"')
    expect(scValueLiteral('0x10')).toBe('"0x10"')
    expect(scValueLiteral('Infinity')).toBe('"Infinity"')
    expect(scValueLiteral('NaN')).toBe('"NaN"')
    expect(scValueLiteral('')).toBe('""')
  })

  it('leaves no way out of a string literal', () => {
    expect(scStringLiteral('"; Server.killAll; "')).toBe('"\\"; Server.killAll; \\""')
    expect(scStringLiteral('\\"; 1/0; //')).toBe('"\\\\\\"; 1/0; //"')
  })

  it('builds the Ndef without braces around the value', () => {
    expect(ndefCode('freq', '440')).toBe('Ndef("freq".asSymbol, 440);')
    expect(ndefCode('na"me', 'x')).toBe('Ndef("na\\"me".asSymbol, "x");')
  })
})
