import type { RequestFrame } from '../contract/index.js'
import { z } from 'zod'

/**
 * A request frame as the page sends it. Checked before anything reads it: `id` and `method`
 * are echoed and joined into messages, and a nested array there once overflowed the stack.
 * `params` stay unknown here; the dispatcher checks them against the request's own schema.
 */
const requestFrameSchema = z.object({
  id: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().min(1).max(64),
  params: z.unknown().optional(),
})

/** A frame that can be served, or why not, with the id to answer to when one could be read. */
export type ParsedFrame =
  | { readonly ok: true; readonly frame: RequestFrame }
  | { readonly ok: false; readonly id: number | null; readonly error: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads one WebSocket message; never throws, whatever the bytes. */
export function parseRequestFrame(data: Buffer, isBinary: boolean): ParsedFrame {
  if (isBinary) return { ok: false, id: null, error: 'expected a text frame, got a binary one' }
  let text: string
  try {
    text = utf8.decode(data)
  } catch {
    return { ok: false, id: null, error: 'frame is not valid UTF-8' }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, id: null, error: 'not JSON' }
  }
  const parsed = requestFrameSchema.safeParse(value)
  if (parsed.success) {
    const { id, method, params } = parsed.data
    return { ok: true, frame: { id, method, params } }
  }
  const id = requestFrameSchema.shape.id.safeParse(
    typeof value === 'object' && value !== null && 'id' in value ? value.id : undefined,
  )
  const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? 'frame')))
  return {
    ok: false,
    id: id.success ? id.data : null,
    error: `bad request frame (expected {id, method, params}): ${[...fields].join(', ')} invalid`,
  }
}
