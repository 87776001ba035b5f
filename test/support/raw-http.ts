import { connect, type Socket } from 'node:net'

/** An HTTP answer read off the wire. */
export interface RawAnswer {
  readonly status: number
  /** Header names in lower case; a repeated header keeps its last value. */
  readonly headers: Record<string, string>
  readonly body: string
}

/** Reads the status line, headers and body of a raw answer (undefined for no answer at all). */
export function parseRawAnswer(raw: string): RawAnswer | undefined {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) return undefined
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: raw.slice(end + 4) }
}

/** Opens a TCP connection to 127.0.0.1:port. */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })
}

/**
 * Sends bytes exactly as given (a request fetch() would refuse or normalize) and reads until
 * the server closes the connection or `timeoutMs` passes.
 */
export async function rawExchange(
  port: number,
  request: string | Buffer,
  timeoutMs = 5000,
): Promise<string> {
  const socket = await openSocket(port)
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const done = () => {
      clearTimeout(timer)
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('latin1'))
    }
    const timer = setTimeout(done, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', done)
    socket.on('close', done)
    socket.write(request)
  })
}

/** One request with `Connection: close`, answered and parsed. */
export async function rawRequest(
  port: number,
  method: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const lines = [`${method} ${target} HTTP/1.1`, 'host: 127.0.0.1', 'connection: close']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  const raw = await rawExchange(port, `${lines.join('\r\n')}\r\n\r\n`)
  const parsed = parseRawAnswer(raw)
  if (!parsed) throw new Error(`no answer to ${method} ${target}: ${JSON.stringify(raw)}`)
  return parsed
}
