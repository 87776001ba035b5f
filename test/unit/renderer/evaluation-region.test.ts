import { describe, expect, it } from 'vitest'
import {
  lineAt,
  regionToEvaluate,
  topLevelBlocks,
} from '../../../src-renderer/editor/evaluation-region.js'

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
    expect(topLevelBlocks('x = (1 + 2);\n')).toEqual([])
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
    const blocks = topLevelBlocks(tricky)
    expect(blocks).toHaveLength(1)
    expect(slice(tricky, blocks[0]!)).toBe(tricky.slice(0, tricky.indexOf('\nafter')))
  })

  it('finds the line of a position', () => {
    expect(slice('a\nbc\nd', lineAt('a\nbc\nd', 3))).toBe('bc')
    expect(slice('only', lineAt('only', 4))).toBe('only')
  })
})
