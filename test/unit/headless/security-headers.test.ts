import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../src-main/headless/security-headers.js'

describe('the security headers', () => {
  it("send the renderer's own CSP plus frame-ancestors 'none'", () => {
    const page = readFileSync(
      resolve(import.meta.dirname, '../../../src-renderer/index.html'),
      'utf8',
    )
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1]
    expect(meta).toBeDefined()
    expect(contentSecurityPolicy).toBe(`${meta}; frame-ancestors 'none'`)
  })
})
