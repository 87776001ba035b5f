import { describe, expect, it } from 'vitest'
import {
  blockFrom,
  enclosingBlock,
  lineAt,
  regionToEvaluate,
} from '../../../../src-renderer/editor/evaluation-region.js'

const slice = (text: string, region: { from: number; to: number }) =>
  text.slice(region.from, region.to)

describe('evaluation regions (as in the SuperCollider IDE)', () => {
  const text = ['1 + 1', '(', 'var x = 2;', 'x * (3 + 4)', ')', 'Ndef(\\a).play'].join('\n')

  it('takes the selection when there is one', () => {
    expect(slice(text, regionToEvaluate(text, { from: 0, to: 3 }))).toBe('1 +')
  })

  it('takes the enclosing top-level block, from anywhere inside it', () => {
    const inside = text.indexOf('x * (')
    expect(slice(text, regionToEvaluate(text, { from: inside, to: inside }))).toBe(
      '(\nvar x = 2;\nx * (3 + 4)\n)',
    )
    const onOpening = text.indexOf('(\nvar')
    expect(slice(text, regionToEvaluate(text, { from: onOpening, to: onOpening }))).toContain(
      'var x = 2;',
    )
  })

  it('takes the line outside any block', () => {
    expect(slice(text, regionToEvaluate(text, { from: 2, to: 2 }))).toBe('1 + 1')
    const last = text.length - 2
    expect(slice(text, regionToEvaluate(text, { from: last, to: last }))).toBe('Ndef(\\a).play')
  })

  it('only counts blocks whose bracket opens a line', () => {
    const inline = 'x = (1 + 2);\n'
    expect(enclosingBlock(inline, inline.indexOf('1'))).toBeUndefined()
  })

  it('ignores brackets in strings, symbols, characters and comments', () => {
    const tricky = [
      '(',
      '"(" ++ \'a)\' ++ $) ++ $(; // )',
      '/* ) /* nested ) */ ) */',
      '1',
      ')',
      'after',
    ].join('\n')
    const block = blockFrom(tricky, 0)
    expect(block).toBeDefined()
    expect(slice(tricky, block!)).toBe(tricky.slice(0, tricky.indexOf('\nafter')))
    const inside = tricky.indexOf('1\n)')
    expect(slice(tricky, regionToEvaluate(tricky, { from: inside, to: inside }))).toBe(
      slice(tricky, block!),
    )
  })

  it('finds the line of a position', () => {
    expect(slice('a\nbc\nd', lineAt('a\nbc\nd', 3))).toBe('bc')
    expect(slice('only', lineAt('only', 4))).toBe('only')
  })

  describe('broken text elsewhere in the document', () => {
    const block = ['(', 'var x = [1, 2];', 'x.sum * (3 + 4)', ')'].join('\n')
    const at = (text: string) => {
      const cursor = text.indexOf('x.sum')
      return slice(text, regionToEvaluate(text, { from: cursor, to: cursor }))
    }

    it.each([
      ['a half-typed array', '~half = [1, 2, (3'],
      ['an unclosed string', 'postln("unclosed'],
      ['an unclosed symbol', "\\a ++ 'open"],
      ['an unclosed block comment', '/* not closed'],
      ['a stray closing bracket', '1 + 2))]'],
      ['a half-typed block', '(\nvar y = [1,'],
    ])('finds the block under %s', (_name, broken) => {
      expect(at(`${broken}\n\n${block}\n`)).toBe(block)
    })

    it('finds the block when broken text follows it', () => {
      expect(at(`${block}\n~after = [1, (2\n"open`)).toBe(block)
    })

    it('takes the innermost enclosing block that opens a line, else the outer one', () => {
      const nested = ['(', 'var a = 1;', '(', 'a + 1', ')', 'a * 2', ')'].join('\n')
      const inner = nested.indexOf('a + 1')
      expect(slice(nested, regionToEvaluate(nested, { from: inner, to: inner }))).toBe(
        '(\na + 1\n)',
      )
      const outer = nested.indexOf('a * 2')
      expect(slice(nested, regionToEvaluate(nested, { from: outer, to: outer }))).toBe(nested)
    })

    it('takes the line when the block itself does not balance', () => {
      const open = ['(', 'var x = [1, 2;', 'x.sum', ')'].join('\n')
      expect(at(open)).toBe('x.sum')
    })

    it('takes the line at the very start of a text that opens with a break', () => {
      expect(regionToEvaluate('\n(\n1\n)', { from: 0, to: 0 })).toEqual({ from: 0, to: 0 })
    })
  })
})
