import { describe, expect, it } from 'vitest'
import {
  shortVisibleName,
  showControlCharacters,
  splitControlCharacters,
} from '../../../../src-renderer/logs/visible-control-characters'

describe('splitControlCharacters', () => {
  it('splits out each control character as a named escape', () => {
    expect(splitControlCharacters('wipe\x1b[2J ok\rINFO')).toEqual([
      { text: 'wipe' },
      { control: '\\x1b', name: 'ESC', lineBreak: false },
      { text: '[2J ok' },
      { control: '\\r', name: 'CR', lineBreak: false },
      { text: 'INFO' },
    ])
    expect(splitControlCharacters('a\nb')).toEqual([
      { text: 'a' },
      { control: '\\n', name: 'LF', lineBreak: true },
      { text: 'b' },
    ])
  })

  it('covers C0, DEL, C1 and the controls that reorder text', () => {
    expect(showControlCharacters('\x00\x07\t\x7f\x9b1m evil\u202etxt\u2028')).toBe(
      '\\x00\\x07\\t\\x7f\\x9b1m evil\\u202etxt\\u2028',
    )
    expect(
      splitControlCharacters('\x7f\x9b\u202e').map((piece) => 'name' in piece && piece.name),
    ).toEqual(['DEL', 'C1 control', 'bidi control'])
  })

  it('leaves ordinary text alone', () => {
    const text = 'Ndef(\\drone).play; // ünïcödé ♪'
    expect(splitControlCharacters(text)).toEqual([{ text }])
    expect(splitControlCharacters('')).toEqual([])
  })

  it('cuts a long name short for plain text, after making its controls visible', () => {
    expect(shortVisibleName('alpha')).toBe('alpha')
    const long = shortVisibleName(`\u202e${'n'.repeat(100)}`)
    expect(long).toHaveLength(40)
    expect(long.startsWith('\\u202en')).toBe(true)
    expect(long.endsWith('…')).toBe(true)
  })
})
