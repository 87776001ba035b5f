/** The flat key/value list of a `/remote/action`, as a performer's client sends it. */
export function remoteActionArgs(options: {
  password: string
  cmd?: string
  action?: string
  protocolVersion?: string
  extra?: (string | number)[]
}): (string | number)[] {
  return [
    'password',
    options.password,
    'action',
    options.action ?? 'code',
    'cmd',
    options.cmd ?? '1',
    'protocol_version',
    options.protocolVersion ?? '0.1',
    ...(options.extra ?? []),
  ]
}
