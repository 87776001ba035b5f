/** An HTTP request target split into its path (still percent-encoded) and its query. */
export interface RequestTarget {
  /** The path as sent, percent escapes not yet decoded. */
  readonly rawPath: string
  readonly query: URLSearchParams
}

/**
 * Splits a request target without throwing: `new URL()` throws on targets such as `//[`,
 * `//%` or `//a:b:c` (it reads them as a host), and any web page the performer opens can make
 * the browser send one. Origin-form (`/path?query`) is read as it is; absolute-form
 * (`http://host/path`, what a proxy sends) through the URL parser when it can parse it.
 * Anything else is undefined: the caller answers 400.
 */
export function parseRequestTarget(target: string | undefined): RequestTarget | undefined {
  if (target === undefined || target === '') return undefined
  if (target.startsWith('/')) {
    const mark = target.indexOf('?')
    const rawPath = mark === -1 ? target : target.slice(0, mark)
    const search = mark === -1 ? '' : target.slice(mark + 1)
    // URLSearchParams keeps a malformed escape as it is instead of throwing.
    return { rawPath, query: new URLSearchParams(search) }
  }
  if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target)
    return { rawPath: url.pathname, query: url.searchParams }
  }
  return undefined
}

/**
 * Decodes a path's percent escapes, or undefined when one is malformed (`/%E0%A4%A`) or the
 * path hides a NUL byte, which no file name holds.
 */
export function decodePath(rawPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return undefined
  }
  return decoded.includes('\0') ? undefined : decoded
}
