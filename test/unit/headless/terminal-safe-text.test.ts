import { describe, expect, it } from 'vitest'
import { escapeControlCharacters } from '../../../src-main/headless/terminal-safe-text.js'

describe('escapeControlCharacters', () => {
  it('turns every control character into a visible escape', () => {
    expect(escapeControlCharacters('\x1b[2Jcleared')).toBe('\\x1b[2Jcleared')
    expect(escapeControlCharacters('ok\r2026 INFO all points OK')).toBe(
      'ok\\r2026 INFO all points OK',
    )
    expect(escapeControlCharacters('a\nb\tc\x00\x07\x7f\x9b')).toBe('a\\nb\\tc\\x00\\x07\\x7f\\x9b')
    expect(escapeControlCharacters('evil\u202etxt.exe\u2028')).toBe('evil\\u202etxt.exe\\u2028')
  })

  it('leaves ordinary text alone, backslashes and non-Latin letters included', () => {
    const text = 'Ndef(\\drone).play; // ünïcödé ♪ 音'
    expect(escapeControlCharacters(text)).toBe(text)
  })
})
