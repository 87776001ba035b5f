import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/**
 * A file of the built renderer, or undefined; never anything outside `root`. `path` is the
 * request's path with its percent escapes already decoded (see `decodePath`).
 */
export async function readStaticFile(
  root: string,
  path: string,
): Promise<{ body: Buffer; contentType: string } | undefined> {
  const base = resolve(root)
  const relative = normalize(path).replace(/^[/\\]+/, '')
  const file = resolve(join(base, relative === '' ? 'index.html' : relative))
  if (file !== base && !file.startsWith(base + sep)) return undefined
  try {
    return {
      body: await readFile(file),
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
    }
  } catch {
    return undefined
  }
}
