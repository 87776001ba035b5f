import { describe, expect, it } from 'vitest'
import { decodePath, parseRequestTarget } from '../../../src-main/headless/request-target.js'

describe('request targets', () => {
  it('splits origin-form targets as sent, even the ones new URL() throws on', () => {
    for (const target of ['//[', '//%', '//a:b:c']) {
      expect(() => new URL(target, 'http://localhost')).toThrow()
      expect(parseRequestTarget(target)?.rawPath).toBe(target)
    }
    expect(parseRequestTarget('/%E0%A4%A')?.rawPath).toBe('/%E0%A4%A')
    const target = parseRequestTarget('/assets/app.js?token=a&token=b&x=%zz')!
    expect(target.rawPath).toBe('/assets/app.js')
    expect(target.query.getAll('token')).toEqual(['a', 'b'])
    expect(target.query.get('x')).toBe('%zz')
  })

  it('reads absolute-form targets and refuses anything else', () => {
    expect(parseRequestTarget('http://127.0.0.1:8080/ws?token=t')).toMatchObject({ rawPath: '/ws' })
    for (const target of [undefined, '', '*', 'example.com:443', 'http://[', 'ws'])
      expect(parseRequestTarget(target)).toBeUndefined()
  })

  it('decodes escapes, and gives undefined for a malformed one or a NUL byte', () => {
    expect(decodePath('/a%20b/%2e%2e')).toBe('/a b/..')
    expect(decodePath('/%E0%A4%A')).toBeUndefined()
    expect(decodePath('/%')).toBeUndefined()
    expect(decodePath('/index.html%00.png')).toBeUndefined()
  })
})
