import { describe, expect, it } from 'vitest'
import { showControlCharacters } from '../../../src-renderer/logs/visible-control-characters'

describe('showControlCharacters', () => {
  it('shows C0 and DEL as control pictures, the rest as escapes', () => {
    expect(showControlCharacters('\x1b[2J')).toBe('␛[2J')
    expect(showControlCharacters('ok\r2026 INFO all points OK')).toBe('ok␍2026 INFO all points OK')
    expect(showControlCharacters('a\nb\tc\x00\x7f')).toBe('a␊b␉c␀␡')
    expect(showControlCharacters('\x9b1m evil\u202etxt')).toBe('\\x9b1m evil\\u202etxt')
  })

  it('keeps line breaks visible and real in the full view', () => {
    expect(showControlCharacters('ERROR\n  in Foo', true)).toBe('ERROR␊\n  in Foo')
  })

  it('leaves ordinary text alone', () => {
    const text = 'Ndef(\\drone).play; // ünïcödé ♪'
    expect(showControlCharacters(text)).toBe(text)
  })
})
